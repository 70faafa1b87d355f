namespace Eddy.Specs;

/// <summary>Bounds that keep hostile specs cheap to reject.</summary>
internal static class SpecLimits
{
    /// <summary>How deeply steps, unions and components may nest.</summary>
    public const int MaxNesting = 32;

    /// <summary>The longest spec text accepted (characters).</summary>
    public const int MaxLength = 1 << 20;

    public static void CheckDepth(int depth, string path, int? column)
    {
        if (depth > MaxNesting)
        {
            throw new SpecException(path, $"The spec is nested too deeply (more than {MaxNesting} levels).", column);
        }
    }

    public static void CheckLength(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new SpecException(string.Empty, $"The spec is too long (more than {MaxLength} characters).");
        }
    }
}
