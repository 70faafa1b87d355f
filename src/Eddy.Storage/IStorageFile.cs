namespace Eddy.Storage;

/// <summary>A file open for appending; the write side of <see cref="IStorageFileSystem"/>.</summary>
public interface IStorageFile : IDisposable
{
    public long Length { get; }

    /// <summary>Writes at the end of the file, straight to the OS (no user-space buffer to lose).</summary>
    public void Write(ReadOnlySpan<byte> data);

    /// <summary>With <paramref name="toDisk"/>, returns after the data is on stable storage (fsync).</summary>
    public void Flush(bool toDisk);

    /// <summary>Truncates (or extends) the file; the next <see cref="Write"/> lands at the new end.</summary>
    public void SetLength(long length);
}
