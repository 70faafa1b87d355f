using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Eddy.Server.Tests.Support;
using Parquet.Schema;
using Parquet.Serialization;

namespace Eddy.Server.Tests.Endpoints;

/// <summary><c>POST /v1/prepare</c>: stateless join, coercion, imputation and transformer steps over the rows sent.</summary>
public sealed class PrepareEndpointsTests
{
    [Fact]
    public async Task Prepare_CoerceImputeOneHotDatetime_TransformsEveryRow()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement answer = await PostAsync(eddy, """
            {
              "steps": "(Select('city') | OneHotEncoder) + (Select('ts') | DatetimeParts('ts', ['year', 'weekday'])) + Select('age')",
              "coerce": {"age": "number"},
              "impute": {"age": "mean"},
              "rows": [
                {"city": "Paris", "ts": "2024-03-05T10:00:00Z", "age": "30"},
                {"city": "Lyon", "ts": "2024-03-10", "age": ""},
                {"city": "Paris", "ts": "2023-12-31T23:00:00-02:00", "age": 50}
              ]
            }
            """, HttpStatusCode.OK);

        Assert.Equal(3, answer.GetProperty("count").GetInt32());
        JsonElement[] rows = [.. answer.GetProperty("rows").EnumerateArray()];
        Assert.Equal("""{"city_Paris":1,"ts_year":2024,"ts_weekday":1,"age":30}""", rows[0].GetRawText());

        // The encoder has learned Paris, so Lyon's row carries Paris = 0 (River's one-hot); the empty age is the mean 40.
        Assert.Equal("""{"city_Paris":0,"city_Lyon":1,"ts_year":2024,"ts_weekday":6,"age":40}""", rows[1].GetRawText());
        Assert.Equal("""{"city_Paris":1,"city_Lyon":0,"ts_year":2024,"ts_weekday":0,"age":50}""", rows[2].GetRawText());
    }

    [Fact]
    public async Task Prepare_AggAndTargetAgg_LearnRowsInOrderWithoutTargetLeakage()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement answer = await PostAsync(eddy, """
            {
              "steps": "Agg(on='amount', by='user', how=Mean) + TargetAgg(by='user', how=Sum)",
              "target": "fraud",
              "rows": [
                {"user": "a", "amount": 10, "fraud": true},
                {"user": "a", "amount": 30, "fraud": false},
                {"user": "b", "amount": 5, "fraud": true},
                {"user": "a", "amount": 20, "fraud": true}
              ]
            }
            """, HttpStatusCode.OK);

        // Agg learns the row before transforming it; TargetAgg transforms before learning the row's target.
        string[] expected =
        [
            """{"amount_mean_by_user":10,"y_sum_by_user":0,"fraud":true}""",
            """{"amount_mean_by_user":20,"y_sum_by_user":1,"fraud":false}""",
            """{"amount_mean_by_user":5,"y_sum_by_user":0,"fraud":true}""",
            """{"amount_mean_by_user":20,"y_sum_by_user":1,"fraud":true}""",
        ];
        Assert.Equal(expected, answer.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task Prepare_JoinInlineRows_LeftJoinWithSuffixOnCollision()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement answer = await PostAsync(eddy, """
            {
              "join": {"on": "user", "rows": [{"user": "a", "country": "FR", "amount": -1}, {"user": 2, "country": "SE"}]},
              "rows": [{"user": "a", "amount": 10}, {"user": "z", "amount": 3}, {"user": 2.0, "amount": 4}]
            }
            """, HttpStatusCode.OK);

        string[] expected =
        [
            """{"user":"a","amount":10,"country":"FR","amount_right":-1}""",
            """{"user":"z","amount":3}""",
            """{"user":2,"amount":4,"country":"SE"}""",
        ];
        Assert.Equal(expected, answer.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task Prepare_JoinIngestedCsvAndParquet_ReadsTheNewestCopy()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await SendAsync(eddy, "/v1/ingest/users", Encoding.UTF8.GetBytes("user,tier\na,old\n"), "text/csv", HttpStatusCode.Created);
        await Task.Delay(5, TestContext.Current.CancellationToken);
        await SendAsync(eddy, "/v1/ingest/users", Encoding.UTF8.GetBytes("user,tier,limit\na,gold,100\nb,silver,50\n"), "text/csv", HttpStatusCode.Created);
        JsonElement csv = await PostAsync(eddy, """
            {"join": {"on": "user", "source": "users"}, "rows": [{"user": "b", "x": 1}, {"user": "a", "x": 2}]}
            """, HttpStatusCode.OK);
        Assert.Equal(
            ["""{"user":"b","x":1,"tier":"silver","limit":50}""", """{"user":"a","x":2,"tier":"gold","limit":100}"""],
            csv.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()));

        var schema = new ParquetSchema(new DataField<string>("user"), new DataField<double>("score"));
        using var parquet = new MemoryStream();
        await ParquetSerializer.SerializeUntypedAsync(
            [new Dictionary<string, object?> { ["user"] = "a", ["score"] = 0.25 }, new Dictionary<string, object?> { ["user"] = "b", ["score"] = 0.75 }],
            schema,
            parquet,
            cancellationToken: TestContext.Current.CancellationToken);
        await SendAsync(eddy, "/v1/ingest/scores", parquet.ToArray(), "application/vnd.apache.parquet", HttpStatusCode.Created);
        JsonElement joined = await PostAsync(eddy, """
            {"join": {"on": "user", "source": "scores"}, "steps": "Select('score')", "rows": [{"user": "b", "x": 1}]}
            """, HttpStatusCode.OK);
        Assert.Equal("""{"score":0.75}""", joined.GetProperty("rows")[0].GetRawText());
    }

    [Fact]
    public async Task Prepare_Ndjson_AnswersNdjson()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        byte[] body = Encoding.UTF8.GetBytes("{\"t\": \"2024-01-01T05:00:00Z\", \"v\": 1}\n\n{\"t\": \"2024-01-02T06:00:00Z\", \"v\": 2}\n");
        string steps = Uri.EscapeDataString("DatetimeParts('t', ['hour'])");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using HttpResponseMessage response = await eddy.Client.PostAsync($"/v1/prepare?steps={steps}", content, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"t_hour\":5,\"v\":1}\n{\"t_hour\":6,\"v\":2}\n", text);
    }

    [Theory]
    [InlineData("""{"coerce": {"age": "number"}, "rows": [{"age": "1"}, {"age": "old"}]}""", "invalid-request", "rows[1].age")]
    [InlineData("""{"steps": "OneHotEncoderr", "rows": []}""", "invalid-spec", "steps")]
    [InlineData("""{"steps": "StandardScaler | LogisticRegression", "rows": []}""", "invalid-spec", "steps")]
    [InlineData("""{"rows": [{"x": [1, 2]}]}""", "invalid-request", "rows[0].x")]
    [InlineData("""{"rows": [1]}""", "invalid-request", "rows[0]")]
    [InlineData("""{"rows": [], "impute": {"age": "average"}}""", "invalid-request", "impute.age")]
    [InlineData("""{"rows": [{"a": 1}], "impute": {"age": "median"}}""", "invalid-request", "impute.age")]
    [InlineData("""{"rows": [], "join": {"on": "user"}}""", "invalid-request", "join")]
    [InlineData("""{"rows": [], "join": {"on": "user", "source": "nothing-here"}}""", "raw-file-not-found", "join.source")]
    [InlineData("""{"rows": [{"amount": "lots"}], "steps": "Agg(on='amount', by=None, how=Mean)"}""", "invalid-feature", "rows[0].amount")]
    [InlineData("""{"rows": [{"k": "a"}], "steps": "TargetAgg(by='k', how=Mean)", "target": "k2", "extra": 1}""", "invalid-request", "extra")]
    [InlineData("""{"rows": [{"k": "a", "y": "spam"}], "steps": "TargetAgg(by='k', how=Mean)", "target": "y"}""", "invalid-label", "rows[0].y")]
    [InlineData("""{"rows": [{"ts": "someday"}], "steps": "DatetimeParts('ts')"}""", "invalid-feature", "rows[0].ts")]
    public async Task Prepare_BadInput_ProblemNamingTheField(string body, string slug, string field)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement problem = await PostAsync(eddy, body, slug == "raw-file-not-found" ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
        Assert.Equal($"urn:eddy:problem:{slug}", problem.GetProperty("type").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Prepare_MalformedJsonOrWrongMediaType_Refused()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        JsonElement problem = await PostAsync(eddy, "{\"rows\": [", HttpStatusCode.BadRequest);
        Assert.Equal("urn:eddy:problem:malformed-json", problem.GetProperty("type").GetString());
        await SendAsync(eddy, "/v1/prepare", [1, 2, 3], "image/png", HttpStatusCode.UnsupportedMediaType);
    }

    private static Task<JsonElement> PostAsync(EddyApplication eddy, string json, HttpStatusCode expected) =>
        SendAsync(eddy, "/v1/prepare", Encoding.UTF8.GetBytes(json), "application/json", expected);

    private static async Task<JsonElement> SendAsync(EddyApplication eddy, string path, byte[] body, string contentType, HttpStatusCode expected)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using HttpResponseMessage response = await eddy.Client.PostAsync(path, content, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"POST {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
