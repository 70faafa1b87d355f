using System.Net;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Health, readiness, the OpenAPI document and its UI, and errors outside any route.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task HealthAndReadiness_DefaultModelLoaded_200()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        Assert.Equal("ok", (await eddy.GetJsonAsync("/healthz")).GetProperty("status").GetString());
        JsonElement ready = await eddy.GetJsonAsync("/readyz");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(1, ready.GetProperty("models").GetInt32());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesSeedAndV1Routes()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement document = await eddy.GetJsonAsync("/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        JsonElement paths = document.GetProperty("paths");
        foreach (string path in new[] { "/predict", "/update_model", "/v1/models", "/v1/models/{name}", "/v1/models/{name}/predict",
            "/v1/models/{name}/learn", "/v1/models/{name}/predict_many", "/v1/models/{name}/learn_many", "/v1/models/{name}/stream",
            "/v1/models/{name}/metrics", "/healthz", "/readyz" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"The OpenAPI document lacks {path}.");
        }

        Assert.False(paths.TryGetProperty("/_bench/bare", out _));
    }

    [Fact]
    public async Task Scalar_Ui_ServedLocally()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage page = await eddy.Client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_404ProblemJson()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.GetAsync("/v2/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BenchmarkRoutes_OffByDefault()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.PostAsync("/_bench/bare", Examples.Json("""{"x": {"a": 1}}"""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BenchmarkRoutes_On_AllocationSampleNamesTheTypesALearnAllocates()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync(new Dictionary<string, string?> { ["Eddy:BenchmarkRoutes"] = "true" });
        using (HttpResponseMessage unstarted = await eddy.Client.GetAsync("/_bench/allocation-sample"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unstarted.StatusCode);
        }

        using (HttpResponseMessage started = await eddy.Client.PostAsync("/_bench/allocation-sample", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        }

        // The runtime samples about every 100 KB allocated and delivers its events asynchronously: learn until some arrive.
        long sampledBytes = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (sampledBytes == 0 && DateTime.UtcNow < deadline)
        {
            for (int i = 0; i < 100; i++)
            {
                using HttpResponseMessage learned = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Json("""{"x": {"a": 1, "b": 0.5}, "y": true}"""));
                Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
            }

            foreach (JsonElement sample in (await eddy.GetJsonAsync("/_bench/allocation-sample")).EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(sample.GetProperty("type").GetString()));
                Assert.True(sample.GetProperty("ticks").GetInt64() > 0);
                sampledBytes += sample.GetProperty("bytes").GetInt64();
            }
        }

        Assert.True(sampledBytes > 0, "No allocation was sampled while learning.");
    }

    [Fact]
    public async Task NoDefaultModel_ConfiguredEmpty_SeedRoutes404AndReady()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync(new Dictionary<string, string?> { ["Eddy:DefaultModel"] = "" });
        Assert.Empty((await eddy.GetJsonAsync("/v1/models")).EnumerateArray());
        using HttpResponseMessage response = await eddy.Client.PostAsync("/predict", Examples.Json("""{"x": {"a": 1}}"""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ready", (await eddy.GetJsonAsync("/readyz")).GetProperty("status").GetString());
    }
}
