using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Eddy.Client;

/// <summary><c>POST /v1/models/{name}/stream</c>: NDJSON in, NDJSON out.</summary>
public sealed partial class EddyClient
{
    /// <summary>
    /// Sends <paramref name="items"/> as NDJSON lines and yields the answers, one per item and in order; a stream reads
    /// its own writes (a prediction sees the learns sent before it). A refused line gets an answer with an
    /// <see cref="StreamAnswer.Error"/> and the stream goes on. <see cref="StreamAnswer.Line"/> counts over the whole stream.
    /// </summary>
    /// <remarks>
    /// HttpClient's HTTP/1.1 does not read an answer while it is still sending the body, and a server that cannot write
    /// its answers stops reading: one unbounded request could stall both ends. So the items go in segments of at most
    /// <see cref="EddyClientOptions.StreamSegmentLines"/> lines, each one request on the kept-alive connection, and a
    /// segment also ends as soon as the producer has nothing ready, so a slow producer's items are answered at once.
    /// A segment is retried only when it certainly was not processed; a broken one throws, and the answers already
    /// yielded say how far the stream got.
    /// </remarks>
    public async IAsyncEnumerable<StreamAnswer> StreamAsync(
        string model, IAsyncEnumerable<StreamItem> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        Uri uri = ModelRoute(model, "stream");
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        long sent = 0;
        IAsyncEnumerator<StreamItem> enumerator = items.GetAsyncEnumerator(cancellationToken);
        Task<bool>? pending = null;
        try
        {
            bool more = await enumerator.MoveNextAsync().ConfigureAwait(false);
            while (more)
            {
                buffer.ResetWrittenCount();
                int lines = 0;
                while (true)
                {
                    WriteLine(writer, buffer, enumerator.Current);
                    lines++;
                    ValueTask<bool> next = enumerator.MoveNextAsync();
                    if (!next.IsCompleted)
                    {
                        pending = next.AsTask();
                        break;
                    }

                    more = next.Result;
                    if (!more || lines >= _options.StreamSegmentLines)
                    {
                        break;
                    }
                }

                byte[] body = buffer.WrittenSpan.ToArray();
                var call = new Call(() => new HttpRequestMessage(HttpMethod.Post, uri) { Content = Ndjson(body) }, Delivery.OnlyIfNotProcessed);
                using (HttpResponseMessage response = await SendAsync(call, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
                {
                    Stream answers = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (answers.ConfigureAwait(false))
                    {
                        var reader = new NdjsonReader(answers);
                        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                        {
                            StreamAnswer answer = JsonSerializer.Deserialize(line.Span, ClientJsonContext.Default.StreamAnswer)
                                ?? throw new JsonException("The server sent a null stream answer.");
                            yield return sent == 0 ? answer : answer.WithLine(answer.Line + sent);
                        }
                    }
                }

                sent += lines;
                if (pending is not null)
                {
                    more = await pending.ConfigureAwait(false);
                    pending = null;
                }
            }
        }
        finally
        {
            // An iterator cannot be disposed while a MoveNextAsync is in flight (the caller stopped reading answers
            // while the producer was still waiting); it is then left to finish on its own.
            if (pending is null || pending.IsCompleted)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Streams a synchronous sequence (a dataset in memory, a file read line by line).</summary>
    public IAsyncEnumerable<StreamAnswer> StreamAsync(string model, IEnumerable<StreamItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return StreamAsync(model, ToAsync(items), cancellationToken);
    }

    private static void WriteLine(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, StreamItem item)
    {
        writer.Reset(buffer);
        if (item.IsLearn)
        {
            RequestBodies.WriteLearn(writer, item.Learn);
        }
        else
        {
            PredictItem predict = item.Predict;
            RequestBodies.WritePredict(writer, predict.X, predict.Id);
        }

        writer.Flush();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }

    private static ByteArrayContent Ndjson(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static async IAsyncEnumerable<StreamItem> ToAsync(IEnumerable<StreamItem> items)
    {
        foreach (StreamItem item in items)
        {
            yield return item;
        }

        // An async iterator needs an await; the items themselves are all ready.
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
