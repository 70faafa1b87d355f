using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Eddy.Datasets;
using Eddy.Server.Tests.Endpoints;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Persistence;

/// <summary>
/// Bulk ingestion keeps the durability promise: a real server process takes a <c>stream?ack=logged</c> upload and is
/// killed with SIGKILL while it still has a backlog to learn, several times; after each restart it has learned at
/// least every acknowledged line, and its state equals an in-process replay of exactly the lines it says it learned.
/// </summary>
public sealed partial class LoggedCrashTests
{
    [Fact]
    public async Task KillNine_DuringLoggedUpload_EveryAcknowledgedLineIsLearnedInOrder()
    {
        string data = Path.Combine(Path.GetTempPath(), "eddy-crash", Guid.NewGuid().ToString("n"));
        Dataset phishing = RiverDatasets.Phishing();
        var random = new Random(20261124);
        long acknowledged = 0;
        try
        {
            for (int round = 0; round < 3; round++)
            {
                await using ServerProcess server = await ServerProcess.StartAsync(data);
                long learned = await SettledSequenceAsync(server.Client);
                Assert.True(learned >= acknowledged, $"Round {round}: {learned} learned, {acknowledged} acknowledged.");
                Assert.Equal(Replays.SeedChecksum(phishing, (int)learned), await ChecksumAsync(server.Client));

                // Continue the cyclic stream after what the server has: its log holds exactly lines 1..learned.
                string body = LoggedStreamTests.Ndjson(phishing, 150_000, start: (int)learned);
                using var stop = new CancellationTokenSource();
                Task<long> upload = UploadAsync(server.Address, body, stop.Token);
                await Task.Delay(random.Next(300, 900));
                await server.KillAsync();
                await stop.CancelAsync();
                acknowledged = learned + await upload;
            }

            await using ServerProcess last = await ServerProcess.StartAsync(data);
            long total = await SettledSequenceAsync(last.Client);
            Assert.True(total >= acknowledged, $"{total} learned, {acknowledged} acknowledged.");
            Assert.True(acknowledged > 0, "No batch was acknowledged before the kills; the test proved nothing.");
            Assert.Equal(Replays.SeedChecksum(phishing, (int)total), await ChecksumAsync(last.Client));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>
    /// Sends the body over a raw connection while reading the answers, and returns how many lines were acknowledged
    /// (the last line of the last complete "logged" answer) when the server dies or the upload ends.
    /// </summary>
    private static async Task<long> UploadAsync(Uri address, string ndjson, CancellationToken cancellation)
    {
        byte[] body = Encoding.UTF8.GetBytes(ndjson);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(address.Host, address.Port);
        await using var network = new NetworkStream(socket, ownsSocket: false);
        byte[] head = Encoding.ASCII.GetBytes(
            $"POST /v1/models/default/stream?ack=logged HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/x-ndjson\r\n" +
            $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        Task send = Task.Run(async () =>
        {
            try
            {
                await network.WriteAsync(head, cancellation);
                for (int at = 0; at < body.Length; at += 64 << 10)
                {
                    await network.WriteAsync(body.AsMemory(at, Math.Min(64 << 10, body.Length - at)), cancellation);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The server was killed mid-upload.
            }
        });

        var answers = new StringBuilder();
        byte[] buffer = new byte[1 << 16];
        try
        {
            int read;
            while ((read = await network.ReadAsync(buffer, cancellation)) > 0)
            {
                answers.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
        }

        await send;
        if (answers.Length > 12)
        {
            Assert.StartsWith("HTTP/1.1 200", answers.ToString());
        }

        long last = 0;
        foreach (Match match in LoggedAnswer().Matches(answers.ToString()))
        {
            Assert.Equal(last + 1, long.Parse(match.Groups[1].Value));
            last = long.Parse(match.Groups[2].Value);
        }

        Assert.DoesNotContain("\"error\"", answers.ToString());
        return last;
    }

    /// <summary>The model's sequence once its backlog is learned (bounded wait).</summary>
    private static async Task<long> SettledSequenceAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            JsonElement model = await client.GetFromJsonAsync<JsonElement>("/v1/models/default");
            if (model.GetProperty("backlog").GetInt64() == 0 || DateTime.UtcNow > deadline)
            {
                Assert.Equal(0, model.GetProperty("backlog").GetInt64());
                return model.GetProperty("sequence").GetInt64();
            }

            await Task.Delay(20);
        }
    }

    private static async Task<string> ChecksumAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/v1/models/default")).GetProperty("stateChecksum").GetString()!;

    [GeneratedRegex("""\{"lines":\[(\d+),(\d+)\],"accepted":\d+,"logged":true\}""")]
    private static partial Regex LoggedAnswer();
}
