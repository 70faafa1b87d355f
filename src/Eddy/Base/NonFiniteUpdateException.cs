namespace Eddy.Base;

/// <summary>
/// Applying a learn step would have written a non-finite number into the model (an overflowing gradient or
/// statistic). The step is refused before any state changes, so no NaN or ∞ ever reaches a weight.
/// </summary>
public sealed class NonFiniteUpdateException : EddyException
{
    public NonFiniteUpdateException(string estimator, string what)
        : base($"{estimator}: the update would make {what} non-finite; the example was rejected and the model is unchanged.")
    {
    }
}
