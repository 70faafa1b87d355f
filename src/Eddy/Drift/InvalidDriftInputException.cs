using System.Globalization;

namespace Eddy.Drift;

/// <summary>
/// A value a drift detector cannot take: NaN or ±∞, or, for a binary detector, anything but 0 and 1.
/// Thrown before any state changes.
/// </summary>
public sealed class InvalidDriftInputException : ArgumentException
{
    public InvalidDriftInputException(string detector, double value, string reason)
        : base(string.Create(CultureInfo.InvariantCulture, $"{detector}: cannot update with {value}: {reason}."), "x")
    {
        Detector = detector;
        Value = value;
    }

    public string Detector { get; }

    public double Value { get; }
}
