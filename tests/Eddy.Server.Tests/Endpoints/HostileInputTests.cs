using System.Text;
using System.Text.Json;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Endpoints;

/// <summary>
/// Client data never causes a 5xx and never changes a model: every bad body gets a 4xx problem+json, and after all of
/// them the default model is bit-identical to before.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.TrainedServer server) : IClassFixture<HostileInputTests.TrainedServer>
{
    private const string Learn = "/v1/models/default/learn";
    private const string Predict = "/v1/models/default/predict";

    public static TheoryData<string, string, string, int> Cases()
    {
        string deep = new string('[', 200) + new string(']', 200);
        string deepX = "{\"x\": " + string.Concat(Enumerable.Repeat("{\"a\": ", 40)) + "1" + new string('}', 40) + ", \"y\": 1}";
        string longName = "{\"x\": {\"" + new string('n', 2000) + "\": 1}, \"y\": 1}";
        string huge = "{\"x\": {\"a\": 1}, \"y\": 1, \"pad\": \"" + new string('p', 2 << 20) + "\"}";
        var cases = new TheoryData<string, string, string, int>
        {
            // Malformed JSON
            { Learn, "", "application/json", 400 },
            { Learn, "{", "application/json", 400 },
            { Learn, "}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1}}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1} {}", "application/json", 400 },
            { Learn, "{'x': {'a': 1}, 'y': 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": NaN}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": Infinity}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": -Infinity}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 01}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1,}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1} /* c */, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": .5}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": \"\\u12\"}, \"y\": 1}", "application/json", 400 },
            { Learn, "\u00ff\u00fe", "application/json", 400 },
            { Learn, "null", "application/json", 400 },
            { Learn, "[]", "application/json", 400 },
            { Learn, "42", "application/json", 400 },
            { Learn, "\"x\"", "application/json", 400 },
            { Learn, deep, "application/json", 400 },
            { Learn, deepX, "application/json", 400 },

            // Wrong shapes and types
            { Learn, "{}", "application/json", 400 },
            { Learn, "{\"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": null}", "application/json", 400 },
            { Learn, "{\"x\": [1, 2], \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": 5, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": \"a=1\", \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": null, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": [1]}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": {\"b\": 1}}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": [1]}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": {\"v\": 1}}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1, \"z\": 2}", "application/json", 400 },
            { Learn, "{\"X\": {\"a\": 1}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1, \"id\": \"p\"}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1, \"id\": \"\"}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1, \"id\": {}}", "application/json", 400 },
            { Learn, longName, "application/json", 400 },

            // Out-of-range numbers
            { Learn, "{\"x\": {\"a\": 1e400}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": -1e400}, \"y\": 1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1e400}", "application/json", 400 },

            // Labels the binary seed model cannot learn
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 2}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": -1}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 0.5}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": \"spam\"}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": 1}, \"y\": \"\"}", "application/json", 400 },
            { Learn, "{\"x\": {\"a\": \"red\"}, \"y\": 1}", "application/json", 400 },

            // Media types, sizes, unknown things
            { Learn, "{\"x\": {\"a\": 1}, \"y\": 1}", "text/plain", 415 },
            { Learn, "x=1&y=1", "application/x-www-form-urlencoded", 415 },
            { Learn, huge, "application/json", 413 },
            { "/v1/models/nope/learn", "{\"x\": {\"a\": 1}, \"y\": 1}", "application/json", 404 },
            { "/v1/models/nope/predict", "{\"x\": {\"a\": 1}}", "application/json", 404 },
            { "/v1/models/default/learn_many", "{\"x\": {\"a\": 1}, \"y\": 1}", "application/json", 400 },
            { "/v1/models/default/learn_many", "[{\"x\": {\"a\": 1}}]", "application/json", 400 },
            { "/v1/models/default/predict_many", "[{\"x\": {\"a\": 1}, \"y\": 1}]", "application/json", 400 },
            { "/v1/models/default/learn", "{\"id\": \"never-predicted\", \"y\": 1}", "application/json", 404 },

            // Predictions
            { Predict, "{\"x\": {\"a\": 1}, \"y\": 1}", "application/json", 400 },
            { Predict, "{}", "application/json", 400 },
            { Predict, "{\"x\": {\"a\": \"red\"}}", "application/json", 400 },
            { Predict, "{\"x\": {\"a\": 1e999}}", "application/json", 400 },
            { Predict, "{\"x\": {\"a\": true}, \"id\": 1.5}", "application/json", 400 },
            { "/predict", "{\"x\": [1]}", "application/json", 400 },
            { "/update_model", "{\"x\": {\"a\": 1}, \"y\": \"maybe\"}", "application/json", 400 },
        };
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadRequest_AnyKind_4xxProblemAndNoStateChange(string path, string body, string contentType, int status)
    {
        EddyApplication eddy = server.Eddy;
        JsonElement before = await eddy.GetJsonAsync("/v1/models/default");

        var method = path == "/update_model" ? HttpMethod.Put : HttpMethod.Post;
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        // A server that refuses a large body answers before reading it; with 100-continue the client waits for that
        // answer instead of racing to send the body into a closed connection.
        request.Headers.ExpectContinue = true;
        using HttpResponseMessage response = await eddy.Client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();

        Assert.True(status == (int)response.StatusCode, $"{path} {Shorten(body)}: expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:eddy:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));

        JsonElement after = await eddy.GetJsonAsync("/v1/models/default");
        Assert.Equal(before.GetProperty("sequence").GetInt64(), after.GetProperty("sequence").GetInt64());
        Assert.Equal(before.GetProperty("stateChecksum").GetString(), after.GetProperty("stateChecksum").GetString());
        Assert.Equal(before.GetProperty("features").GetInt32(), after.GetProperty("features").GetInt32());
    }

    [Fact]
    public void Cases_AtLeastFiftyKinds() => Assert.True(Cases().Count >= 50);

    private static string Shorten(string body) => body.Length <= 80 ? body : body[..80] + "…";

    /// <summary>One server with a trained default model for all cases; each case checks the state before and after itself.</summary>
    public sealed class TrainedServer : IAsyncLifetime
    {
        private EddyApplication? _eddy;

        public EddyApplication Eddy => _eddy ?? throw new InvalidOperationException("Not started.");

        public async ValueTask InitializeAsync()
        {
            _eddy = await EddyApplication.StartAsync();
            using HttpResponseMessage response = await _eddy.Client.PostAsync(Learn, Examples.Json("{\"x\": {\"a\": 1, \"b\": 2}, \"y\": 1}"));
            response.EnsureSuccessStatusCode();
        }

        public async ValueTask DisposeAsync()
        {
            if (_eddy is not null)
            {
                await _eddy.DisposeAsync();
            }
        }
    }
}
