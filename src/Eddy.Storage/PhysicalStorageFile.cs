namespace Eddy.Storage;

internal sealed class PhysicalStorageFile : IStorageFile
{
    private readonly FileStream _stream;

    public PhysicalStorageFile(FileStream stream)
    {
        _stream = stream;
        _stream.Seek(0, SeekOrigin.End);
    }

    public long Length => _stream.Length;

    public void Write(ReadOnlySpan<byte> data) => _stream.Write(data);

    // FileStream.Flush(true) is fsync on Unix and FlushFileBuffers on Windows.
    public void Flush(bool toDisk) => _stream.Flush(toDisk);

    public void SetLength(long length)
    {
        _stream.SetLength(length);
        _stream.Seek(0, SeekOrigin.End);
    }

    public void Dispose() => _stream.Dispose();
}
