using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Trees.Nodes;

/// <summary>River's <c>NumericBinaryBranch</c>: <c>x[feature] ≤ threshold</c> goes left.</summary>
internal class NumericBinaryBranch : Branch
{
    public const byte TagValue = 1;

    public NumericBinaryBranch(
        int depth, int feature, double threshold, List<TreeNode> children, ClassWeights? classStats, VarianceStats targetStats)
        : base(depth, feature, children, classStats, targetStats)
    {
        Threshold = threshold;
        IsThresholdTest = true;
        TestThreshold = threshold;
    }

    public double Threshold { get; }

    public override byte Tag => TagValue;

    // A categorical value cannot be compared with a threshold: treated as missing.
    public sealed override int BranchNo(FeatureVector x, int position) => Test(x, position, Threshold);

    public static int Test(FeatureVector x, int position, double threshold) =>
        x.SymbolAt(position) != FeatureVector.NoSymbol ? -1 : x.ValueAt(position) <= threshold ? 0 : 1;

    public override int MostCommonPath() => Children[0].TotalWeight < Children[1].TotalWeight ? 1 : 0;

    protected override void WriteTest(StateWriter writer) => writer.WriteDouble(Threshold);
}
