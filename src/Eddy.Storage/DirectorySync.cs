using System.Runtime.InteropServices;

namespace Eddy.Storage;

/// <summary>
/// fsync of a directory, which makes a create, rename or delete in it durable. .NET cannot open a directory as a
/// file on Unix, so this calls open(O_RDONLY | O_DIRECTORY) and fsync directly. Windows has no equivalent (NTFS
/// journals directory metadata) and skips it.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;
    private const int InvalidArgument = 22; // EINVAL: the file system cannot sync directories; nothing to do.

    public static void Sync(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd = Open(path, ReadOnly | DirectoryFlag());
        if (fd < 0)
        {
            throw new IOException($"Cannot open the directory '{path}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != InvalidArgument)
                {
                    throw new IOException($"fsync of the directory '{path}' failed (errno {errno}).");
                }
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // O_DIRECTORY differs by platform and architecture; 0 (plain O_RDONLY) also opens a directory.
    private static int DirectoryFlag()
    {
        if (OperatingSystem.IsMacOS())
        {
            return 0x100000;
        }

        if (OperatingSystem.IsLinux())
        {
            return RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;
        }

        return 0;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
