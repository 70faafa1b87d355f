using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary><c>Eddy-After: N</c> on a prediction: answered from a replica that covers learn N, or a 503 saying it does not yet.</summary>
public sealed class ReadYourWritesTests
{
    [Fact]
    public async Task Predict_EddyAfter_WaitsForAPublicationCoveringTheLearn_OrSaysTheReplicaIsBehind()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync(new Dictionary<string, string?> { ["Eddy:ReadYourWritesTimeout"] = "00:00:03" });
        await PendingPredictionTests.PostAsync(eddy, "/v1/models", """{"name": "lazy", "model": "LogisticRegression", "publication": {"every": 3}}""", HttpStatusCode.Created);
        JsonElement first = await PendingPredictionTests.PostAsync(eddy, "/v1/models/lazy/learn", """{"x": {"a": 1}, "y": true}""", HttpStatusCode.OK);
        long sequence = first.GetProperty("sequence").GetInt64();

        // Published every 3 learns: learn 1 is not in a replica yet.
        using (HttpResponseMessage behind = await PredictAsync(eddy, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
            Assert.Contains("replica-behind", await behind.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        // A prediction waiting for learn 3 is answered as soon as the third learn publishes.
        Task<HttpResponseMessage> waiting = PredictAsync(eddy, "3");
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/lazy/learn", """{"x": {"a": 2}, "y": false}""", HttpStatusCode.OK);
        await PendingPredictionTests.PostAsync(eddy, "/v1/models/lazy/learn", """{"x": {"a": 3}, "y": true}""", HttpStatusCode.OK);
        using HttpResponseMessage answered = await waiting;
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(3, JsonDocument.Parse(await answered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("sequence").GetInt64());

        using HttpResponseMessage bad = await PredictAsync(eddy, "soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static Task<HttpResponseMessage> PredictAsync(EddyApplication eddy, string after)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/lazy/predict") { Content = new StringContent("""{"x": {"a": 1}}""", Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Eddy-After", after);
        return eddy.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
