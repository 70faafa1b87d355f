namespace Eddy.Client;

/// <summary>Splits a response body into lines without decoding them (each line is parsed as UTF-8 JSON directly).</summary>
internal sealed class NdjsonReader
{
    private readonly Stream _body;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private bool _completed;

    public NdjsonReader(Stream body)
    {
        _body = body;
    }

    /// <summary>The next non-blank line, valid until the next call; null at the end of the body.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0 || (_completed && _end > _start))
            {
                int stop = newline >= 0 ? newline : _end;
                var line = new ReadOnlyMemory<byte>(_buffer, _start, stop - _start);
                _start = newline >= 0 ? newline + 1 : _end;
                if (IsBlank(line.Span))
                {
                    continue;
                }

                return line;
            }

            if (_completed)
            {
                return null;
            }

            MakeRoom();
            int read = await _body.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _completed = true;
            }

            _end += read;
        }
    }

    /// <summary>Moves the unread bytes to the front, and doubles the buffer when a line fills it.</summary>
    private void MakeRoom()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }
}
