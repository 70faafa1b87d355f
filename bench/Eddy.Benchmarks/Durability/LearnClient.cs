using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Eddy.Benchmarks.Durability;

/// <summary>Posts learn bodies and reads the whole answer; counts the NDJSON answer lines that report an error.</summary>
internal static class LearnClient
{
    private static readonly byte[] s_error = "\"error\""u8.ToArray();

    public static HttpClient Create(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>
    /// POST to <c>/v1/models/default/stream</c> over a raw connection, sending and reading at once (HttpClient sends an
    /// HTTP/1.1 body completely before it reads the answer; the server answers while it reads, so a body larger than
    /// the socket buffers would deadlock). Returns the number of answer lines that report an error.
    /// </summary>
    public static async Task<long> StreamAsync(Uri baseAddress, byte[] ndjson, string query = "")
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var network = new NetworkStream(socket, ownsSocket: false);
        byte[] head = Encoding.ASCII.GetBytes(
            $"POST /v1/models/default/stream{query} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/x-ndjson\r\n" +
            $"Content-Length: {ndjson.Length}\r\nConnection: close\r\n\r\n");
        Task send = Task.Run(async () =>
        {
            await network.WriteAsync(head);
            await network.WriteAsync(ndjson);
        });

        byte[] buffer = new byte[1 << 16];
        long errors = 0;
        bool first = true;
        int read;
        while ((read = await network.ReadAsync(buffer)) > 0)
        {
            ReadOnlySpan<byte> chunk = buffer.AsSpan(0, read);
            if (first && !chunk.StartsWith("HTTP/1.1 200"u8))
            {
                throw new InvalidOperationException($"The stream answered: {Encoding.ASCII.GetString(chunk[..Math.Min(200, chunk.Length)])}");
            }

            first = false;

            // An error object can straddle two reads; the callers check the log's record count as well.
            errors += Occurrences(chunk, s_error);
        }

        await send;
        return errors;
    }

    /// <summary>POST a JSON array to <c>/v1/models/default/learn_many</c>; returns the number of error objects.</summary>
    public static async Task<long> LearnManyAsync(HttpClient client, byte[] array)
    {
        using var content = new ByteArrayContent(array);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await client.PostAsync("/v1/models/default/learn_many", content);
        byte[] answer = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"learn_many answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
        }

        return Occurrences(answer, s_error);
    }

    private static long Occurrences(ReadOnlySpan<byte> text, ReadOnlySpan<byte> value)
    {
        long count = 0;
        int at;
        while ((at = text.IndexOf(value)) >= 0)
        {
            count++;
            text = text[(at + value.Length)..];
        }

        return count;
    }
}
