namespace Eddy.Storage;

/// <summary>One stored snapshot of the model <paramref name="Name"/>, as listed by <see cref="SnapshotStore.List"/>.</summary>
public sealed record SnapshotFile(string Name, long Sequence, string Path);
