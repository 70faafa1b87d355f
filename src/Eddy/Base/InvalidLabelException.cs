namespace Eddy.Base;

/// <summary>
/// A label is missing, not finite, or of the wrong kind for the estimator (a string class given to a binary
/// classifier, a class given to a regressor). Thrown before any state changes.
/// </summary>
public sealed class InvalidLabelException : EddyException
{
    public InvalidLabelException(string message)
        : base(message)
    {
    }
}
