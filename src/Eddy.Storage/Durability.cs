namespace Eddy.Storage;

/// <summary>When a write-ahead log commit counts as durable.</summary>
public enum Durability
{
    /// <summary>After the bytes are on stable storage (fsync): survives a power loss.</summary>
    Fsync,

    /// <summary>After <c>write()</c> hands the bytes to the OS: survives a process crash, not a power loss.</summary>
    OsBuffered,
}
