using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Eddy.Storage;

/// <summary>
/// A file written with positional writes at its logical end (<see cref="Length"/>), which may lie before the physical
/// end when <see cref="Reserve"/> zero-filled ahead.
/// </summary>
internal sealed class PhysicalStorageFile : IStorageFile
{
    private const int ZeroChunk = 64 << 10;
    private static readonly byte[] s_zeros = new byte[ZeroChunk];

    private readonly SafeFileHandle _handle;
    private long _length;
    private long _allocated;

    public PhysicalStorageFile(SafeFileHandle handle)
    {
        _handle = handle;
        _length = RandomAccess.GetLength(handle);
        _allocated = _length;
    }

    public long Length => _length;

    public void Write(ReadOnlySpan<byte> data)
    {
        RandomAccess.Write(_handle, data, _length);
        _length += data.Length;
        _allocated = Math.Max(_allocated, _length);
    }

    public void Flush(bool toDisk)
    {
        if (toDisk)
        {
            SyncData();
        }
    }

    public void SetLength(long length)
    {
        RandomAccess.SetLength(_handle, length);
        _length = length;
        _allocated = length;
    }

    public void Reserve(long length)
    {
        while (_allocated < length)
        {
            int count = (int)Math.Min(ZeroChunk, length - _allocated);
            RandomAccess.Write(_handle, s_zeros.AsSpan(0, count), _allocated);
            _allocated += count;
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>
    /// fdatasync on Linux: it skips the timestamps fsync also writes, and when the data lands in blocks
    /// <see cref="Reserve"/> already allocated, the sync needs no inode write at all. Elsewhere the platform's full
    /// flush (fsync, FlushFileBuffers).
    /// </summary>
    private void SyncData()
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(_handle);
            return;
        }

        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            if (FdataSync((int)_handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fdatasync failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static extern int FdataSync(int fd);
}
