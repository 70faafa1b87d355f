namespace Eddy.Storage;

/// <summary>
/// Every file operation the log and the snapshot store perform: the seam for fault injection in tests.
/// <see cref="PhysicalFileSystem"/> is the real one. Paths are full paths; listings return bare names.
/// </summary>
public interface IStorageFileSystem
{
    public void CreateDirectory(string path);

    public bool DirectoryExists(string path);

    public bool FileExists(string path);

    /// <summary>Names of the files in <paramref name="directory"/>, ordinal order; empty when it does not exist.</summary>
    public IReadOnlyList<string> ListFiles(string directory);

    /// <summary>Names of the subdirectories, ordinal order; empty when it does not exist.</summary>
    public IReadOnlyList<string> ListDirectories(string directory);

    /// <summary>Creates the file, or truncates an existing one, for appending.</summary>
    public IStorageFile CreateFile(string path);

    /// <summary>Opens an existing file for appending at its end.</summary>
    public IStorageFile OpenFile(string path);

    /// <summary>Opens a file for reading while others may still append to it.</summary>
    public Stream OpenRead(string path);

    /// <summary>Atomically renames, replacing <paramref name="destination"/> if it exists.</summary>
    public void Rename(string source, string destination);

    public void DeleteFile(string path);

    /// <summary>Deletes an empty directory.</summary>
    public void DeleteDirectory(string path);

    /// <summary>Makes the directory's entries (creations, renames, deletions) durable.</summary>
    public void SyncDirectory(string path);
}
