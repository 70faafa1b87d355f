namespace Eddy.Storage;

/// <summary>One record read back from the log; <paramref name="Kind"/> and the payload belong to the caller.</summary>
public readonly record struct WalRecord(long Lsn, byte Kind, ReadOnlyMemory<byte> Payload);
