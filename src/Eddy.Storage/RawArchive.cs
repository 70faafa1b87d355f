using System.Globalization;
using System.Security.Cryptography;

namespace Eddy.Storage;

/// <summary>
/// Immutable raw copies of ingested data (the seed's "a copy of external data as raw data, so you have an immutable
/// history"): <c>ingest/&lt;source&gt;/&lt;UTC time&gt;-&lt;random&gt;.&lt;format&gt;</c>. A file is written under a temporary name,
/// fsynced and renamed, so it exists whole or not at all; nothing here overwrites or deletes one.
/// </summary>
public sealed class RawArchive
{
    private readonly string _root;
    private readonly IStorageFileSystem _fileSystem;

    public RawArchive(string dataDirectory, IStorageFileSystem? fileSystem = null)
    {
        _root = StorageLayout.IngestDirectory(dataDirectory);
        _fileSystem = fileSystem ?? new PhysicalFileSystem();
    }

    /// <summary>Starts a new raw file of <paramref name="source"/>; dispose without <see cref="Writer.Commit"/> to discard it.</summary>
    public Writer Begin(string source, string format, DateTimeOffset receivedAt)
    {
        Validate(source, nameof(source));
        Validate(format, nameof(format));
        string directory = Path.Combine(_root, source);
        if (!_fileSystem.DirectoryExists(directory))
        {
            _fileSystem.CreateDirectory(directory);
        }

        string name = string.Create(CultureInfo.InvariantCulture, $"{receivedAt.UtcDateTime:yyyyMMdd'T'HHmmss.fff'Z'}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}.{format}");
        return new Writer(_fileSystem, directory, name, source, receivedAt);
    }

    /// <summary>The sources with raw files, in name order.</summary>
    public IReadOnlyList<string> Sources()
    {
        if (!_fileSystem.DirectoryExists(_root))
        {
            return [];
        }

        var sources = new List<string>();
        foreach (string directory in _fileSystem.ListDirectories(_root))
        {
            sources.Add(Path.GetFileName(directory));
        }

        sources.Sort(StringComparer.Ordinal);
        return sources;
    }

    /// <summary>A source's raw files, oldest first (names start with the time they were received).</summary>
    public IReadOnlyList<RawFile> List(string source)
    {
        Validate(source, nameof(source));
        string directory = Path.Combine(_root, source);
        if (!_fileSystem.DirectoryExists(directory))
        {
            return [];
        }

        var files = new List<RawFile>();
        foreach (string path in _fileSystem.ListFiles(directory))
        {
            string name = Path.GetFileName(path);
            if (!StorageLayout.IsTempFileName(name))
            {
                using Stream stream = _fileSystem.OpenRead(Path.Combine(directory, name));
                files.Add(new RawFile(source, name, stream.Length));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return files;
    }

    /// <summary>Opens a raw file to read; <see cref="FileNotFoundException"/> when there is none by that name.</summary>
    public Stream Open(string source, string name)
    {
        Validate(source, nameof(source));
        Validate(name, nameof(name));
        string path = Path.Combine(_root, source, name);
        return StorageLayout.IsTempFileName(name) || !_fileSystem.FileExists(path)
            ? throw new FileNotFoundException($"No raw file '{name}' in source '{source}'.")
            : _fileSystem.OpenRead(path);
    }

    private static void Validate(string value, string what)
    {
        if (!StorageLayout.IsValidName(value))
        {
            throw new ArgumentException($"A {what} has 1 to {StorageLayout.MaxNameLength} letters, digits, '.', '_' or '-' and does not end with '.'.", what);
        }
    }

    /// <summary>One raw file being received: appended to, hashed as it goes, then committed (durable) or discarded.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly IStorageFileSystem _fileSystem;
        private readonly string _directory;
        private readonly string _temp;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly DateTimeOffset _receivedAt;
        private IStorageFile? _file;
        private bool _committed;

        internal Writer(IStorageFileSystem fileSystem, string directory, string name, string source, DateTimeOffset receivedAt)
        {
            _fileSystem = fileSystem;
            _directory = directory;
            Name = name;
            Source = source;
            _receivedAt = receivedAt;
            _temp = StorageLayout.TempFileName(Path.Combine(directory, name));
            _file = fileSystem.CreateFile(_temp);
        }

        public string Source { get; }

        public string Name { get; }

        public long Bytes { get; private set; }

        public void Append(ReadOnlySpan<byte> data)
        {
            ObjectDisposedException.ThrowIf(_file is null, this);
            _file.Write(data);
            _hash.AppendData(data);
            Bytes += data.Length;
        }

        /// <summary>Makes the file durable under its final name; returns what was kept.</summary>
        public RawFile Commit()
        {
            ObjectDisposedException.ThrowIf(_file is null, this);
            _file.Flush(toDisk: true);
            _file.Dispose();
            _file = null;
            _fileSystem.Rename(_temp, Path.Combine(_directory, Name));
            _fileSystem.SyncDirectory(_directory);
            _committed = true;
            return new RawFile(Source, Name, Bytes) { Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset()), ReceivedAt = _receivedAt };
        }

        public void Dispose()
        {
            _file?.Dispose();
            _file = null;
            _hash.Dispose();
            if (!_committed && _fileSystem.FileExists(_temp))
            {
                _fileSystem.DeleteFile(_temp);
            }
        }
    }
}
