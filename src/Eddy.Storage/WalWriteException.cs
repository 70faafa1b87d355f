namespace Eddy.Storage;

/// <summary>
/// Writing or syncing the log failed (disk full, fsync error). The log is failed from then on: records after
/// <see cref="WriteAheadLog.DurableLsn"/> were never acknowledged, and later appends and waits throw this too.
/// </summary>
public sealed class WalWriteException : Exception
{
    public WalWriteException(string message)
        : base(message)
    {
    }

    public WalWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
