using System.Buffers;

namespace Eddy.Server.Hosting;

/// <summary>
/// Examples of one bulk request (<c>stream?ack=logged</c>), encoded on the request thread as one log record's payload
/// (<see cref="Persistence.BatchRecords"/>). The writer appends it before applying it and answers once it is durable;
/// the learning trails behind. The payload lives in a pooled buffer until the writer has applied it.
/// </summary>
internal sealed class LoggedBatch : IBufferWriter<byte>
{
    /// <summary>A batch's buffer: the endpoint closes a batch before it outgrows one, so buffers are one size and recycle.</summary>
    public const int BufferBytes = 256 << 10;

    // Batches are rented on request threads and returned by the writer, often many at once after a burst: a pool of
    // its own keeps a few dozen buffers for the next burst instead of the shared pool's handful per core.
    private static readonly ArrayPool<byte> s_buffers = ArrayPool<byte>.Create(maxArrayLength: 1 << 20, maxArraysPerBucket: 64);
    private byte[] _buffer = s_buffers.Rent(BufferBytes);

    public int Length { get; private set; }

    /// <summary>Examples in the payload.</summary>
    public int Count { get; set; }

    /// <summary>The request's line numbers of the first and last example, for the answer.</summary>
    public long FirstLine { get; set; }

    public long LastLine { get; set; }

    /// <summary>The record's LSN, once the writer appended it.</summary>
    public long Lsn { get; set; }

    /// <summary>Completes once the record is durable (the outcome's sequence is its LSN), or with a refusal when the log failed or the model stopped.</summary>
    public TaskCompletionSource<LearnOutcome> Logged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReadOnlyMemory<byte> Payload => _buffer.AsMemory(0, Length);

    /// <summary>The written bytes, for patching a count written before the examples.</summary>
    public Span<byte> Written => _buffer.AsSpan(0, Length);

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(Length);
    }

    /// <summary>Gives the buffer back to the pool; the batch is not used after this.</summary>
    public void Release()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        Length = 0;
        if (buffer.Length > 0)
        {
            s_buffers.Return(buffer);
        }
    }

    private void Reserve(int sizeHint)
    {
        int needed = Length + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        byte[] larger = s_buffers.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        s_buffers.Return(_buffer);
        _buffer = larger;
    }
}
