using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Eddy.Redis.Tests.Support;
using StackExchange.Redis;

namespace Eddy.Redis.Tests;

/// <summary>
/// Ingest from a Redis Stream (<c>POST /v1/ingest/{source}/redis</c>) against a real redis-server: the raw NDJSON copy
/// equals the entries, a second call continues from the answered id, bad input is problem+json, no Redis is a 409;
/// and <c>eddy ingest --redis-stream</c> as a real process.
/// </summary>
public sealed class StreamIngestTests
{
    [Fact]
    public async Task Ingest_StreamEntries_KeptAsNdjsonAndContinuedFromLastId()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        string directory = DataDirectory();
        try
        {
            await using EddyNode node = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory });
            IDatabase db = redis.Database;
            await db.StreamAddAsync("clicks", [new("a", "1"), new("b", "x"), new("c", "1.5e3")], "1-1");
            await db.StreamAddAsync("clicks", [new("a", "007"), new("b", "-0.25"), new("c", "NaN")], "1-2");
            await db.StreamAddAsync("clicks", [new("name", "Zoë \"q\""), new("n", "12 "), new("e", "")], "2-0");

            JsonElement first = await IngestAsync(node, "clicks", """{"stream": "clicks"}""", HttpStatusCode.Created);
            Assert.Equal(("2-0", "0-0", 3L, "ndjson"), (first.GetProperty("last").GetString(), first.GetProperty("from").GetString(), first.GetProperty("records").GetInt64(), first.GetProperty("format").GetString()));
            string expected =
                "{\"_id\":\"1-1\",\"a\":1,\"b\":\"x\",\"c\":1.5e3}\n"
                + "{\"_id\":\"1-2\",\"a\":\"007\",\"b\":-0.25,\"c\":\"NaN\"}\n"
                + "{\"_id\":\"2-0\",\"name\":\"Zoë \\\"q\\\"\",\"n\":\"12 \",\"e\":\"\"}\n";
            byte[] kept = await node.Client.GetByteArrayAsync($"/v1/ingest/clicks/{first.GetProperty("file").GetString()}", TestContext.Current.CancellationToken);
            Assert.Equal(expected, Encoding.UTF8.GetString(kept));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(kept)), first.GetProperty("sha256").GetString());
            Assert.Equal(kept.Length, first.GetProperty("bytes").GetInt64());

            // Nothing new: nothing kept, the same position answered.
            JsonElement idle = await IngestAsync(node, "clicks", """{"stream": "clicks", "from": "2-0"}""", HttpStatusCode.OK);
            Assert.Equal((JsonValueKind.Null, 0L, "2-0"), (idle.GetProperty("file").ValueKind, idle.GetProperty("records").GetInt64(), idle.GetProperty("last").GetString()));

            await db.StreamAddAsync("clicks", [new("a", "4")], "3-0");
            await db.StreamAddAsync("clicks", [new("a", "5")], "3-1");
            await db.StreamAddAsync("clicks", [new("a", "6")], "4-0");
            JsonElement second = await IngestAsync(node, "clicks", """{"stream": "clicks", "from": "2-0", "count": 2}""", HttpStatusCode.Created);
            Assert.Equal(("3-1", 2L), (second.GetProperty("last").GetString(), second.GetProperty("records").GetInt64()));
            Assert.Equal(
                "{\"_id\":\"3-0\",\"a\":4}\n{\"_id\":\"3-1\",\"a\":5}\n",
                await node.Client.GetStringAsync($"/v1/ingest/clicks/{second.GetProperty("file").GetString()}", TestContext.Current.CancellationToken));
            JsonElement third = await IngestAsync(node, "clicks", $$"""{"stream": "clicks", "from": "{{second.GetProperty("last").GetString()}}"}""", HttpStatusCode.Created);
            Assert.Equal(("4-0", 1L), (third.GetProperty("last").GetString(), third.GetProperty("records").GetInt64()));

            // Listed with the uploaded raw files, oldest first.
            JsonElement listing = await node.GetJsonAsync("/v1/ingest/clicks");
            Assert.Equal(
                [first.GetProperty("file").GetString(), second.GetProperty("file").GetString(), third.GetProperty("file").GetString()],
                listing.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        }
        finally
        {
            Remove(directory);
        }
    }

    [Theory]
    [InlineData("""{"stream": "nothing-here"}""", HttpStatusCode.NotFound, "stream-not-found", "stream")]
    [InlineData("""{"stream": "text"}""", HttpStatusCode.BadRequest, "invalid-request", "stream")]
    [InlineData("""{"stream": "dup"}""", HttpStatusCode.BadRequest, "invalid-request", "stream")]
    [InlineData("""{"stream": "clicks", "from": "abc"}""", HttpStatusCode.BadRequest, "invalid-request", "from")]
    [InlineData("""{"stream": "clicks", "from": "1-2-3"}""", HttpStatusCode.BadRequest, "invalid-request", "from")]
    [InlineData("""{"stream": "clicks", "count": 0}""", HttpStatusCode.BadRequest, "invalid-request", "count")]
    [InlineData("""{"stream": ""}""", HttpStatusCode.BadRequest, "invalid-request", "stream")]
    [InlineData("""{"from": "0-0"}""", HttpStatusCode.BadRequest, "invalid-request", "stream")]
    [InlineData("""{"stream": "clicks", "colour": 1}""", HttpStatusCode.BadRequest, "invalid-request", "colour")]
    [InlineData("""[1]""", HttpStatusCode.BadRequest, "invalid-request", null)]
    [InlineData("""{"stream": """, HttpStatusCode.BadRequest, "malformed-json", null)]
    public async Task Ingest_BadInput_ProblemAndNothingKept(string body, HttpStatusCode status, string slug, string? field)
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        string directory = DataDirectory();
        try
        {
            await using EddyNode node = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory });
            IDatabase db = redis.Database;
            await db.StreamAddAsync("clicks", "a", "1");
            await db.StringSetAsync("text", "not a stream");
            await db.StreamAddAsync("dup", [new("a", "1"), new("a", "2")]);

            JsonElement problem = await IngestAsync(node, "clicks", body, status);

            Assert.Equal($"urn:eddy:problem:{slug}", problem.GetProperty("type").GetString());
            Assert.Equal(field, problem.TryGetProperty("field", out JsonElement f) ? f.GetString() : null);
            Assert.Empty((await node.GetJsonAsync("/v1/ingest/clicks")).EnumerateArray());
        }
        finally
        {
            Remove(directory);
        }
    }

    [Fact]
    public async Task Ingest_ServerWithoutRedis_409RedisRequired()
    {
        await using EddyNode node = await EddyNode.StartLocalAsync();

        JsonElement problem = await IngestAsync(node, "clicks", """{"stream": "clicks"}""", HttpStatusCode.Conflict);

        Assert.Equal("urn:eddy:problem:redis-required", problem.GetProperty("type").GetString());
        Assert.Contains("--redis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestCommand_RedisStream_ServerKeepsTheEntriesAndPrintsTheReceipt()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        string directory = DataDirectory();
        try
        {
            await using EddyNode node = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:DataDirectory"] = directory });
            await redis.Database.StreamAddAsync("clicks", "a", "1", "1-1");
            await redis.Database.StreamAddAsync("clicks", "a", "2", "1-2");

            (int exitCode, string output) = await CliProcess.RunFromAsync(EddyNode.CliPath(), "ingest", "--source", "clicks", "--redis-stream", "clicks", "--from", "1-1", "--server", node.Address.ToString());
            (int refused, string message) = await CliProcess.RunFromAsync(EddyNode.CliPath(), "ingest", "--source", "clicks", "--redis-stream", "clicks");

            Assert.True(exitCode == 0, output);
            Assert.Contains("\"last\":\"1-2\"", output, StringComparison.Ordinal);
            JsonElement file = Assert.Single((await node.GetJsonAsync("/v1/ingest/clicks")).EnumerateArray());
            Assert.Equal("{\"_id\":\"1-2\",\"a\":2}\n", await node.Client.GetStringAsync($"/v1/ingest/clicks/{file.GetProperty("name").GetString()}", TestContext.Current.CancellationToken));
            Assert.Equal(2, refused);
            Assert.Contains("--redis-stream needs --server", message, StringComparison.Ordinal);
        }
        finally
        {
            Remove(directory);
        }
    }

    private static async Task<JsonElement> IngestAsync(EddyNode node, string source, string body, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await node.PostAsync($"/v1/ingest/{source}/redis", body);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static void Remove(string directory)
    {
        // A scale-out server writes nothing there unless something was ingested.
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string DataDirectory() => Path.Combine(Path.GetTempPath(), "eddy-redis-tests", Guid.NewGuid().ToString("n"));
}
