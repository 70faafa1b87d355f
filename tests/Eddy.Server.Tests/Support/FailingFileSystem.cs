using Eddy.Storage;

namespace Eddy.Server.Tests.Support;

/// <summary>
/// The real file system, except that fsync fails once <see cref="FailSyncs"/> is set (a dying disk), and every file
/// fsync takes at least <see cref="SyncDelay"/> (a slow disk).
/// </summary>
internal sealed class FailingFileSystem : IStorageFileSystem
{
    private readonly PhysicalFileSystem _inner = new();

    public volatile bool FailSyncs;

    public TimeSpan SyncDelay { get; init; }

    public void CreateDirectory(string path) => _inner.CreateDirectory(path);

    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

    public bool FileExists(string path) => _inner.FileExists(path);

    public IReadOnlyList<string> ListFiles(string directory) => _inner.ListFiles(directory);

    public IReadOnlyList<string> ListDirectories(string directory) => _inner.ListDirectories(directory);

    public IStorageFile CreateFile(string path) => new File(_inner.CreateFile(path), this);

    public IStorageFile OpenFile(string path) => new File(_inner.OpenFile(path), this);

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

    private sealed class File(IStorageFile inner, FailingFileSystem owner) : IStorageFile
    {
        public long Length => inner.Length;

        public void Write(ReadOnlySpan<byte> data) => inner.Write(data);

        public void Flush(bool toDisk)
        {
            if (toDisk && owner.FailSyncs)
            {
                throw new IOException("Injected: fsync failed (EIO).");
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
