using Eddy.Storage;

namespace Eddy.Server.Tests.Support;

/// <summary>
/// The real file system, except that fsync fails once <see cref="FailSyncs"/> is set (a dying disk), every file
/// fsync takes at least <see cref="SyncDelay"/> (a slow disk), and a snapshot file's fsync waits for
/// <see cref="SnapshotSyncGate"/> when there is one (a snapshot that takes as long as the test wants).
/// </summary>
internal sealed class FailingFileSystem : IStorageFileSystem
{
    private readonly PhysicalFileSystem _inner = new();
    private int _snapshotSyncsWaiting;

    public volatile bool FailSyncs;

    public TimeSpan SyncDelay { get; init; }

    public ManualResetEventSlim? SnapshotSyncGate { get; init; }

    /// <summary>Snapshot files whose fsync is waiting for <see cref="SnapshotSyncGate"/>.</summary>
    public int SnapshotSyncsWaiting => Volatile.Read(ref _snapshotSyncsWaiting);

    public void CreateDirectory(string path) => _inner.CreateDirectory(path);

    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

    public bool FileExists(string path) => _inner.FileExists(path);

    public IReadOnlyList<string> ListFiles(string directory) => _inner.ListFiles(directory);

    public IReadOnlyList<string> ListDirectories(string directory) => _inner.ListDirectories(directory);

    public IStorageFile CreateFile(string path) => new File(_inner.CreateFile(path), this, IsSnapshot(path));

    public IStorageFile OpenFile(string path) => new File(_inner.OpenFile(path), this, IsSnapshot(path));

    public Stream OpenRead(string path) => _inner.OpenRead(path);

    public void Rename(string source, string destination) => _inner.Rename(source, destination);

    public void DeleteFile(string path) => _inner.DeleteFile(path);

    public void DeleteDirectory(string path) => _inner.DeleteDirectory(path);

    public void SyncDirectory(string path)
    {
        if (FailSyncs)
        {
            throw new IOException("Injected: directory fsync failed.");
        }

        _inner.SyncDirectory(path);
    }

    private static bool IsSnapshot(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}{StorageLayout.SnapshotsDirectoryName}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private sealed class File(IStorageFile inner, FailingFileSystem owner, bool snapshot) : IStorageFile
    {
        public long Length => inner.Length;

        public void Write(ReadOnlySpan<byte> data) => inner.Write(data);

        public void Flush(bool toDisk)
        {
            if (toDisk && owner.FailSyncs)
            {
                throw new IOException("Injected: fsync failed (EIO).");
            }

            if (toDisk && snapshot && owner.SnapshotSyncGate is { } gate)
            {
                Interlocked.Increment(ref owner._snapshotSyncsWaiting);
                gate.Wait();
                Interlocked.Decrement(ref owner._snapshotSyncsWaiting);
            }

            if (toDisk && owner.SyncDelay > TimeSpan.Zero)
            {
                Thread.Sleep(owner.SyncDelay);
            }

            inner.Flush(toDisk);
        }

        public void SetLength(long length) => inner.SetLength(length);

        public void Reserve(long length) => inner.Reserve(length);

        public void Dispose() => inner.Dispose();
    }
}
