namespace Eddy.Storage;

/// <summary>
/// The log on disk is damaged in a way that is not a torn tail (a missing segment, a bad segment header, an invalid
/// record before the last segment) or was written by a newer format version; nothing is repaired automatically.
/// </summary>
public sealed class WalCorruptException : Exception
{
    public WalCorruptException(string message)
        : base(message)
    {
    }

    public WalCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
