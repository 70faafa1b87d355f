using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eddy.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>Delayed labels: predict with an id, learn later by id, exactly once, within the TTL.</summary>
public sealed class PendingPredictionTests
{
    private const string Features = """{"empty_server_form_handler": 1, "popup_window": 0, "https": 1}""";

    [Fact]
    public async Task LearnById_AfterPrediction_LearnsServedFeaturesAndScoresServedPrediction()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await LearnAsync(eddy, $$"""{"x": {{Features}}, "y": true}""");

        JsonElement predicted = await PostAsync(eddy, "/v1/models/default/predict", $$"""{"x": {{Features}}, "id": "order-1"}""", HttpStatusCode.OK);
        Assert.Equal("order-1", predicted.GetProperty("id").GetString());
        Assert.Equal(1, (await eddy.GetJsonAsync("/v1/models/default")).GetProperty("pendingPredictions").GetInt32());

        JsonElement learned = await PostAsync(eddy, "/v1/models/default/learn", """{"id": "order-1", "y": false}""", HttpStatusCode.OK);
        Assert.Equal(2, learned.GetProperty("sequence").GetInt64());
        JsonElement model = await eddy.GetJsonAsync("/v1/models/default");
        Assert.Equal(0, model.GetProperty("pendingPredictions").GetInt32());

        // The same two learns sent directly give the same model, bit for bit.
        await using EddyApplication direct = await EddyApplication.StartAsync();
        await LearnAsync(direct, $$"""{"x": {{Features}}, "y": true}""");
        await LearnAsync(direct, $$"""{"x": {{Features}}, "y": false}""");
        JsonElement expected = await direct.GetJsonAsync("/v1/models/default");
        Assert.Equal(expected.GetProperty("stateChecksum").GetString(), model.GetProperty("stateChecksum").GetString());
    }

    [Fact]
    public async Task LearnById_Twice_SecondIsReportedNotLearned()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PostAsync(eddy, "/v1/models/default/predict", $$"""{"x": {{Features}}, "id": "a"}""", HttpStatusCode.OK);
        await PostAsync(eddy, "/v1/models/default/learn", """{"id": "a", "y": true}""", HttpStatusCode.OK);

        JsonElement problem = await PostAsync(eddy, "/v1/models/default/learn", """{"id": "a", "y": true}""", HttpStatusCode.Conflict);
        Assert.Equal("urn:eddy:problem:already-learned", problem.GetProperty("type").GetString());
        Assert.Equal(1, (await eddy.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task LearnById_UnknownId_404()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement problem = await PostAsync(eddy, "/v1/models/default/learn", """{"id": "nope", "y": true}""", HttpStatusCode.NotFound);
        Assert.Equal("urn:eddy:problem:pending-not-found", problem.GetProperty("type").GetString());
        Assert.Equal("id", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task LearnById_AfterTtl_410AndNothingLearned()
    {
        var clock = new ManualTimeProvider();
        await using EddyApplication eddy = await EddyApplication.StartAsync(
            new Dictionary<string, string?> { ["Eddy:PendingTtl"] = "00:10:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        await PostAsync(eddy, "/v1/models/default/predict", $$"""{"x": {{Features}}, "id": "late"}""", HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromMinutes(11));
        JsonElement problem = await PostAsync(eddy, "/v1/models/default/learn", """{"id": "late", "y": true}""", HttpStatusCode.Gone);
        Assert.Equal("urn:eddy:problem:pending-expired", problem.GetProperty("type").GetString());
        Assert.Equal(0, (await eddy.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());

        // One more TTL later the id is forgotten altogether.
        clock.Advance(TimeSpan.FromMinutes(11));
        await PostAsync(eddy, "/v1/models/default/predict", $$"""{"x": {{Features}}, "id": "other"}""", HttpStatusCode.OK);
        await PostAsync(eddy, "/v1/models/default/learn", """{"id": "late", "y": true}""", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Predict_IdAlreadyUsed_409()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await PostAsync(eddy, "/v1/models/default/predict", $$"""{"x": {{Features}}, "id": "dup"}""", HttpStatusCode.OK);
        JsonElement problem = await PostAsync(eddy, "/v1/models/default/predict", $$"""{"x": {{Features}}, "id": "dup"}""", HttpStatusCode.Conflict);
        Assert.Equal("urn:eddy:problem:pending-id-in-use", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Learn_SameIdempotencyKeyRetried_AppliedOnce()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        var results = new List<JsonElement>();
        for (int attempt = 0; attempt < 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/default/learn") { Content = Examples.Json($$"""{"x": {{Features}}, "y": 1}""") };
            request.Headers.Add("Idempotency-Key", "retry-me");
            using HttpResponseMessage response = await eddy.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            results.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.All(results, r => Assert.Equal(1, r.GetProperty("sequence").GetInt64()));
        Assert.False(results[0].GetProperty("replayed").GetBoolean());
        Assert.True(results[2].GetProperty("replayed").GetBoolean());
        Assert.Equal(1, (await eddy.GetJsonAsync("/v1/models/default")).GetProperty("sequence").GetInt64());
    }

    private static Task LearnAsync(EddyApplication eddy, string body) => PostAsync(eddy, "/v1/models/default/learn", body, HttpStatusCode.OK);

    internal static async Task<JsonElement> PostAsync(EddyApplication eddy, string path, string body, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await eddy.Client.PostAsync(path, Examples.Json(body));
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
