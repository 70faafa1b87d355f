using System.Globalization;
using Eddy.Utils;

namespace Eddy.Trees.Splitters;

/// <summary>
/// River: <c>tree.splitter.TEBSTSplitter</c>, the truncated E-BST: values are rounded to <c>digits</c> decimals
/// (Python's <c>round</c>, half to even on the exact value) before entering the search tree.
/// </summary>
public sealed class TEBSTSplitter : EBSTSplitter
{
    public TEBSTSplitter(int digits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 15);
        Digits = digits;
    }

    public int Digits { get; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"TEBSTSplitter(digits={Digits})");

    internal override byte Tag => 4;

    internal override Splitter CloneFresh() => new TEBSTSplitter(Digits);

    internal override void Update(FeatureValue value, double target, double weight) =>
        Insert(PythonMath.Round(value.Number, Digits), target, weight);
}
