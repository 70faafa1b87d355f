namespace Eddy.Storage;

/// <summary>
/// Snapshot files per model name under <see cref="StorageLayout.SnapshotsDirectory"/>. A snapshot is written to a
/// temp file, fsynced, renamed over its final name and the directory fsynced, so after a crash a snapshot is either
/// complete or absent (a leftover temp file is ignored and deleted). Bytes only: the content carries its own header
/// and checksum (docs/FORMAT.md). One writer per name at a time.
/// </summary>
public sealed class SnapshotStore
{
    private readonly IStorageFileSystem _fileSystem;
    private readonly string _root;
    private readonly int _keep;

    /// <param name="directory">The data directory; snapshots live in its <c>snapshots</c> folder.</param>
    /// <param name="fileSystem">Defaults to <see cref="PhysicalFileSystem"/>.</param>
    /// <param name="keep">How many snapshots of each name survive a <see cref="Write"/> (the newest).</param>
    public SnapshotStore(string directory, IStorageFileSystem? fileSystem = null, int keep = 3)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        _fileSystem = fileSystem ?? PhysicalFileSystem.Instance;
        _root = StorageLayout.SnapshotsDirectory(directory);
        _keep = keep;
        foreach (string name in _fileSystem.ListDirectories(_root))
        {
            if (StorageLayout.IsValidName(name))
            {
                DeleteTempFiles(Path.Combine(_root, name));
            }
        }
    }

    public void Write(string name, long sequence, ReadOnlySpan<byte> content)
    {
        ValidateName(name);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        string directory = Path.Combine(_root, name);
        if (!_fileSystem.DirectoryExists(directory))
        {
            bool rootExisted = _fileSystem.DirectoryExists(_root);
            _fileSystem.CreateDirectory(directory);
            if (!rootExisted)
            {
                _fileSystem.SyncDirectory(Path.GetDirectoryName(_root)!);
            }

            _fileSystem.SyncDirectory(_root);
        }

        string final = Path.Combine(directory, StorageLayout.SnapshotFileName(sequence));
        string temp = StorageLayout.TempFileName(final);
        try
        {
            using (IStorageFile file = _fileSystem.CreateFile(temp))
            {
                file.Write(content);
                file.Flush(toDisk: true);
            }

            _fileSystem.Rename(temp, final);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        _fileSystem.SyncDirectory(directory);
        IReadOnlyList<SnapshotFile> snapshots = List(name);
        for (int i = _keep; i < snapshots.Count; i++)
        {
            _fileSystem.DeleteFile(snapshots[i].Path);
        }

        DeleteTempFiles(directory);
    }

    /// <summary>The snapshots of <paramref name="name"/>, newest (highest sequence) first; temp files are not listed.</summary>
    public IReadOnlyList<SnapshotFile> List(string name)
    {
        ValidateName(name);
        string directory = Path.Combine(_root, name);
        var snapshots = new List<SnapshotFile>();
        foreach (string file in _fileSystem.ListFiles(directory))
        {
            if (StorageLayout.TryParseSnapshotFileName(file, out long sequence))
            {
                snapshots.Add(new SnapshotFile(name, sequence, Path.Combine(directory, file)));
            }
        }

        snapshots.Sort(static (a, b) => b.Sequence.CompareTo(a.Sequence));
        return snapshots;
    }

    public byte[] Read(SnapshotFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using Stream stream = _fileSystem.OpenRead(file.Path);
        var content = new byte[stream.Length];
        stream.ReadExactly(content);
        return content;
    }

    /// <summary>Deletes every snapshot of <paramref name="name"/> and its directory.</summary>
    public void Delete(string name)
    {
        ValidateName(name);
        string directory = Path.Combine(_root, name);
        if (!_fileSystem.DirectoryExists(directory))
        {
            return;
        }

        foreach (string file in _fileSystem.ListFiles(directory))
        {
            _fileSystem.DeleteFile(Path.Combine(directory, file));
        }

        _fileSystem.DeleteDirectory(directory);
        _fileSystem.SyncDirectory(_root);
    }

    /// <summary>The names that have at least one snapshot, ordinal order.</summary>
    public IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        foreach (string name in _fileSystem.ListDirectories(_root))
        {
            if (StorageLayout.IsValidName(name) && List(name).Count > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!StorageLayout.IsValidName(name))
        {
            throw new ArgumentException(
                $"Invalid snapshot name '{name}': use 1 to {StorageLayout.MaxNameLength} characters from [A-Za-z0-9._-], not ending in '.'.",
                nameof(name));
        }
    }

    // A temp file is a snapshot whose writer crashed before the rename: never valid, safe to delete.
    private void DeleteTempFiles(string directory)
    {
        foreach (string file in _fileSystem.ListFiles(directory))
        {
            if (StorageLayout.IsTempFileName(file))
            {
                _fileSystem.DeleteFile(Path.Combine(directory, file));
            }
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            if (_fileSystem.FileExists(path))
            {
                _fileSystem.DeleteFile(path);
            }
        }
        catch (IOException)
        {
            // The original failure is the one to report.
        }
    }
}
