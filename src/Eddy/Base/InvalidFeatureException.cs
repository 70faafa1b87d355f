namespace Eddy.Base;

/// <summary>
/// A feature value cannot be learned from or predicted on: not finite (NaN, ±∞), or of a kind the estimator
/// cannot use (a categorical string given to a numeric model). Thrown before any state changes.
/// </summary>
public sealed class InvalidFeatureException : EddyException
{
    public InvalidFeatureException(string featureName, string message)
        : base($"Feature '{featureName}': {message}")
    {
        FeatureName = featureName;
    }

    public string FeatureName { get; }
}
