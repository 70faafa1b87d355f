namespace Eddy.Storage;

/// <summary>The real file system. Writers are unbuffered: every Write is one positional write() call.</summary>
public sealed class PhysicalFileSystem : IStorageFileSystem
{
    private const int ReadBufferSize = 64 << 10;

    public static PhysicalFileSystem Instance { get; } = new();

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public bool FileExists(string path) => File.Exists(path);

    public IReadOnlyList<string> ListFiles(string directory) =>
        Directory.Exists(directory) ? Names(Directory.GetFiles(directory)) : [];

    public IReadOnlyList<string> ListDirectories(string directory) =>
        Directory.Exists(directory) ? Names(Directory.GetDirectories(directory)) : [];

    public IStorageFile CreateFile(string path) =>
        new PhysicalStorageFile(File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read));

    public IStorageFile OpenFile(string path) =>
        new PhysicalStorageFile(File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.Read));

    public Stream OpenRead(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ReadBufferSize);

    public void Rename(string source, string destination) => File.Move(source, destination, overwrite: true);

    public void DeleteFile(string path) => File.Delete(path);

    public void DeleteDirectory(string path) => Directory.Delete(path, recursive: false);

    public void SyncDirectory(string path) => DirectorySync.Sync(path);

    private static string[] Names(string[] paths)
    {
        var names = new string[paths.Length];
        for (int i = 0; i < paths.Length; i++)
        {
            names[i] = Path.GetFileName(paths[i]);
        }

        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }
}
