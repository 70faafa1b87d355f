namespace Eddy.Storage;

/// <summary>A file open for appending; the write side of <see cref="IStorageFileSystem"/>.</summary>
public interface IStorageFile : IDisposable
{
    /// <summary>The end the writes have reached (a reserved zero range after it does not count).</summary>
    public long Length { get; }

    /// <summary>Writes at the end of the file, straight to the OS (no user-space buffer to lose).</summary>
    public void Write(ReadOnlySpan<byte> data);

    /// <summary>With <paramref name="toDisk"/>, returns after the data is on stable storage (fsync).</summary>
    public void Flush(bool toDisk);

    /// <summary>Truncates (or extends) the file; the next <see cref="Write"/> lands at the new end.</summary>
    public void SetLength(long length);

    /// <summary>
    /// Makes the file hold zeros up to <paramref name="length"/> beyond its end without moving the end
    /// (<see cref="Length"/> and where the next <see cref="Write"/> lands stay as they are). Data later written into
    /// that range then syncs without a metadata update (no size change, blocks already allocated).
    /// </summary>
    public void Reserve(long length);
}
