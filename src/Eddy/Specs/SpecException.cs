using Eddy.Base;

namespace Eddy.Specs;

/// <summary>
/// A model spec that cannot be used: unknown name, wrong type, out-of-range value, bad syntax. <see cref="Path"/>
/// names the element at fault (<c>pipeline[1].LogisticRegression.l2</c>), so a host can point the user at it.
/// </summary>
public sealed class SpecException : EddyException
{
    public SpecException(string path, string message, int? column = null, Exception? inner = null)
        : base(message, inner)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Column = column;
    }

    /// <summary>Where the fault is: <c>pipeline[0]</c>, <c>metrics[1].ROCAUC.n_thresholds</c>; empty for the whole text.</summary>
    public string Path { get; }

    /// <summary>The 1-based column in an expression, when the spec came from River's expression form.</summary>
    public int? Column { get; }
}
