using Eddy.Base;

namespace Eddy.Serialization;

/// <summary>Saved state that cannot be read: wrong magic, unsupported version, bad checksum, truncated or inconsistent.</summary>
public sealed class SnapshotFormatException : EddyException
{
    public SnapshotFormatException(string message)
        : base(message)
    {
    }

    public SnapshotFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
