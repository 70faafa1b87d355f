namespace Eddy.Storage;

/// <summary>
/// Checks a body as it streams by, without holding it: CSV has a header line; every NDJSON line is an object; a
/// Parquet file starts and ends with its magic bytes. Counts records (lines after a CSV header; NDJSON lines).
/// </summary>
public sealed class RawFormatCheck(string format)
{
    /// <summary>The formats checked: <c>csv</c>, <c>ndjson</c>, <c>parquet</c>.</summary>
    public static bool IsKnown(string format) => format is "csv" or "ndjson" or "parquet";

    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private readonly byte[] _head = new byte[4];
    private readonly byte[] _tail = new byte[4];
    private long _bytes;
    private long _lines;
    private bool _lineStarted;
    private bool _lineChecked;

    public long? Records => format switch
    {
        "csv" => Math.Max(0, _lines - 1),
        "ndjson" => _lines,
        _ => null,
    };

    public string? Feed(ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length && _bytes + i < 4; i++)
        {
            _head[_bytes + i] = data[i];
        }

        if (format == "parquet")
        {
            Tail(data);
            _bytes += data.Length;
            return _bytes >= 4 && !_head.AsSpan().SequenceEqual(Magic) ? "a Parquet file starts with PAR1." : null;
        }

        foreach (byte b in data)
        {
            if (b == (byte)'\n')
            {
                if (_lineStarted)
                {
                    _lines++;
                }
                else if (format == "csv" && _lines == 0)
                {
                    return "the first line (the header) is empty.";
                }

                _lineStarted = false;
                _lineChecked = false;
                continue;
            }

            if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                continue;
            }

            _lineStarted = true;
            if (format == "ndjson" && !_lineChecked)
            {
                if (b != (byte)'{')
                {
                    return $"line {_lines + 1} does not start a JSON object.";
                }

                _lineChecked = true;
            }
        }

        _bytes += data.Length;
        return null;
    }

    public string? Finish()
    {
        if (_lineStarted)
        {
            _lines++;
        }

        return format switch
        {
            "parquet" when _bytes < 8 || !_head.AsSpan().SequenceEqual(Magic) || !_tail.AsSpan().SequenceEqual(Magic) => "a Parquet file starts and ends with PAR1.",
            "csv" when _lines == 0 => "there is no header line.",
            "ndjson" when _lines == 0 => "there is no line.",
            _ => null,
        };
    }

    private void Tail(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 4)
        {
            data[^4..].CopyTo(_tail);
            return;
        }

        // Shift what is kept left and append the few new bytes.
        _tail.AsSpan(data.Length).CopyTo(_tail);
        data.CopyTo(_tail.AsSpan(4 - data.Length));
    }
}
