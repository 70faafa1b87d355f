namespace Eddy.Storage.Tests.Support;

/// <summary>
/// The real file system with switchable faults on files opened for writing: an fsync that fails (the kernel
/// reporting EIO), a write that stores half its bytes and then fails (disk full), zero-filling ahead that fails
/// part-way, or a slow disk whose file fsyncs
/// wait until the test releases them.
/// </summary>
public sealed class FaultyFileSystem : IStorageFileSystem
{
    private readonly PhysicalFileSystem _inner = PhysicalFileSystem.Instance;
    private readonly ManualResetEventSlim _syncsReleased = new(true);
    private volatile bool _failSync;
    private volatile bool _failWrite;
    private volatile bool _failReserve;
    private int _syncsStarted;

    public bool FailSync
    {
        get => _failSync;
        set => _failSync = value;
    }

    public bool FailWrite
    {
        get => _failWrite;
        set => _failWrite = value;
    }

    /// <summary>Zero-filling ahead (<see cref="IStorageFile.Reserve"/>) fills half the range, then fails as on a full disk.</summary>
    public bool FailReserve
    {
        get => _failReserve;
        set => _failReserve = value;
    }

    /// <summary>File fsyncs begun so far (held ones included).</summary>
    public int SyncsStarted => Volatile.Read(ref _syncsStarted);

    /// <summary>From now on a file fsync waits until <see cref="ReleaseSyncs"/>.</summary>
    public void HoldSyncs() => _syncsReleased.Reset();

    public void ReleaseSyncs() => _syncsReleased.Set();

    public void CreateDirectory(string path) => _inner.CreateDirectory(path);

    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

    public bool FileExists(string path) => _inner.FileExists(path);

    public IReadOnlyList<string> ListFiles(string directory) => _inner.ListFiles(directory);

    public IReadOnlyList<string> ListDirectories(string directory) => _inner.ListDirectories(directory);

    public IStorageFile CreateFile(string path) => new FaultyFile(this, _inner.CreateFile(path));

    public IStorageFile OpenFile(string path) => new FaultyFile(this, _inner.OpenFile(path));

    public Stream OpenRead(string path) => _inner.OpenRead(path);

    public void Rename(string source, string destination) => _inner.Rename(source, destination);

    public void DeleteFile(string path) => _inner.DeleteFile(path);

    public void DeleteDirectory(string path) => _inner.DeleteDirectory(path);

    public void SyncDirectory(string path)
    {
        if (_failSync)
        {
            throw new IOException("Injected: directory fsync failed.");
        }

        _inner.SyncDirectory(path);
    }

    private sealed class FaultyFile(FaultyFileSystem owner, IStorageFile inner) : IStorageFile
    {
        public long Length => inner.Length;

        public void Write(ReadOnlySpan<byte> data)
        {
            if (owner.FailWrite)
            {
                inner.Write(data[..(data.Length / 2)]);
                throw new IOException("Injected: no space left on device.");
            }

            inner.Write(data);
        }

        public void Flush(bool toDisk)
        {
            if (toDisk && owner.FailSync)
            {
                throw new IOException("Injected: fsync failed.");
            }

            if (toDisk)
            {
                Interlocked.Increment(ref owner._syncsStarted);
                owner._syncsReleased.Wait();
            }

            inner.Flush(toDisk);
        }

        public void SetLength(long length) => inner.SetLength(length);

        public void Reserve(long length)
        {
            if (owner.FailReserve)
            {
                inner.Reserve(inner.Length + ((length - inner.Length) / 2));
                throw new IOException("Injected: no space left on device.");
            }

            inner.Reserve(length);
        }

        public void Dispose() => inner.Dispose();
    }
}
