using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Ingest: raw files kept immutable and whole in the data directory, checked before anything is kept.</summary>
public sealed class IngestEndpointsTests
{
    [Fact]
    public async Task Ingest_Csv_KeepsAnImmutableTimestampedCopyAndCountsRecords()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        byte[] csv = Encoding.UTF8.GetBytes("amount,fraud\n12.5,false\n990,true\n3,false\n");
        JsonElement receipt = await PostAsync(eddy, "/v1/ingest/payments", csv, "text/csv", HttpStatusCode.Created);
        Assert.Equal("csv", receipt.GetProperty("format").GetString());
        Assert.Equal(3, receipt.GetProperty("records").GetInt64());
        Assert.Equal(csv.Length, receipt.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(csv)), receipt.GetProperty("sha256").GetString());
        string name = receipt.GetProperty("file").GetString()!;
        Assert.Matches(@"^\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}\.csv$", name);
        Assert.Equal(csv, await File.ReadAllBytesAsync(Path.Combine(eddy.DataDirectory, "ingest", "payments", name), TestContext.Current.CancellationToken));

        // A second upload is a second file: nothing is overwritten.
        await PostAsync(eddy, "/v1/ingest/payments?format=ndjson", """{"amount": 1, "fraud": false}"""u8.ToArray(), "application/octet-stream", HttpStatusCode.Created);
        JsonElement[] files = [.. (await eddy.GetJsonAsync("/v1/ingest/payments")).EnumerateArray()];
        Assert.Equal(2, files.Length);
        Assert.Equal(["payments"], (await eddy.GetJsonAsync("/v1/ingest")).EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(csv, await eddy.Client.GetByteArrayAsync($"/v1/ingest/payments/{name}", TestContext.Current.CancellationToken));
        using HttpResponseMessage missing = await eddy.Client.GetAsync("/v1/ingest/payments/nope.csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("ndjson", "application/x-ndjson", "{\"a\": 1}\n[1, 2]\n")]
    [InlineData("csv", "text/csv", "\nno header\n")]
    [InlineData("parquet", "application/vnd.apache.parquet", "PAR1 not really a parquet file")]
    public async Task Ingest_NotTheFormat_Is400AndKeepsNothing(string format, string contentType, string body)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement problem = await PostAsync(eddy, "/v1/ingest/raw", Encoding.UTF8.GetBytes(body), contentType, HttpStatusCode.BadRequest);
        Assert.Contains("Not " + format, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        string directory = Path.Combine(eddy.DataDirectory, "ingest", "raw");
        Assert.True(!Directory.Exists(directory) || Directory.GetFiles(directory).Length == 0);
    }

    [Fact]
    public async Task Ingest_Parquet_AcceptsTheMagicAtBothEnds_AndRefusesUnknownMediaTypes()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        byte[] parquet = [.. "PAR1"u8.ToArray(), .. new byte[100], .. "PAR1"u8.ToArray()];
        JsonElement receipt = await PostAsync(eddy, "/v1/ingest/sensors", parquet, "application/vnd.apache.parquet", HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("records").ValueKind);
        await PostAsync(eddy, "/v1/ingest/sensors", parquet, "image/png", HttpStatusCode.UnsupportedMediaType);
        await PostAsync(eddy, "/v1/ingest/bad!name", parquet, "application/vnd.apache.parquet", HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> PostAsync(EddyApplication eddy, string path, byte[] body, string contentType, HttpStatusCode expected)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using HttpResponseMessage response = await eddy.Client.PostAsync(path, content, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
