using System.Net;
using Eddy.Client.Tests.Support;

namespace Eddy.Client.Tests;

/// <summary>The model resources through the client, against a real server with an API key.</summary>
public sealed class ModelAdminTests
{
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateModel_ExpressionAndJson_ListedDescribedAndDeleted()
    {
        await using LiveServer server = await LiveServer.StartAsync(apiKey: true);
        EddyClient client = server.Client(new EddyClientOptions { ApiKey = LiveServer.ApiKey });

        ModelDescription fraud = await client.CreateModelAsync("fraud", "StandardScaler | LogisticRegression(l2=0.01)", ["ROCAUC", "Accuracy"], s_cancel);
        Assert.Equal("fraud", fraud.Name);
        Assert.Equal("classifier", fraud.Kind);
        Assert.Equal(0, fraud.Sequence);
        Assert.Contains("LogisticRegression", fraud.Model, StringComparison.Ordinal);
        Assert.Equal(["Accuracy", "ROCAUC"], fraud.Metrics.Global.Keys.Order(StringComparer.Ordinal));

        ModelDescription trump = await client.CreateModelFromJsonAsync(
            """{"name": "trump", "pipeline": [{"StandardScaler": {}}, {"LinearRegression": {}}], "metrics": ["MAE"], "rollingWindow": 50}""", s_cancel);
        Assert.Equal("regressor", trump.Kind);
        Assert.Equal(50, trump.Metrics.RollingWindow);
        Assert.Equal("StandardScaler", trump.Spec.GetProperty("pipeline")[0].EnumerateObject().Single().Name);

        List<ModelSummary> models = await client.ListModelsAsync(s_cancel);
        Assert.Equal(["default", "fraud", "trump"], models.Select(m => m.Name));

        await client.DeleteModelAsync("fraud", s_cancel);
        Assert.Equal(["default", "trump"], (await client.ListModelsAsync(s_cancel)).Select(m => m.Name));
        EddyProblemException gone = await Assert.ThrowsAsync<EddyProblemException>(() => client.GetModelAsync("fraud", s_cancel));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task CreateModel_WithoutApiKey_401Problem()
    {
        await using LiveServer server = await LiveServer.StartAsync(apiKey: true);
        EddyClient client = server.Client();

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.CreateModelAsync("m", "LogisticRegression", cancellationToken: s_cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("urn:eddy:problem:unauthorized", e.Type);
        Assert.Equal("unauthorized", e.Problem.Slug);
        Assert.Contains("X-Api-Key", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateModel_BadSpec_400ProblemNamingTheField()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        var handler = new FaultHandler();
        EddyClient client = server.Client(handler: handler);

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(
            () => client.CreateModelAsync("m", "StandardScaler | LogisticRegression(l2=-1)", cancellationToken: s_cancel));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("urn:eddy:problem:invalid-spec", e.Type);
        Assert.Equal("The model specification is not valid.", e.Title);
        Assert.Equal("pipeline[1].LogisticRegression.l2", e.Field);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task CreateModel_NameTaken_409()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.CreateModelAsync("default", "LogisticRegression", cancellationToken: s_cancel));

        Assert.Equal(HttpStatusCode.Conflict, e.StatusCode);
        Assert.Equal("model-exists", e.Problem.Slug);
    }

    [Fact]
    public async Task GetModel_Unknown_404ProblemWithDetail()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        var handler = new FaultHandler();
        EddyClient client = server.Client(handler: handler);

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => client.GetMetricsAsync("nope", s_cancel));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("urn:eddy:problem:model-not-found", e.Type);
        Assert.Equal("There is no model named 'nope'.", e.Detail);
        Assert.Null(e.RetryAfter);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task SetPublication_EveryN_DescribedAndDelaysVisibility()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        ModelDescription model = await client.SetPublicationAsync("default", every: 3, cancellationToken: s_cancel);
        Assert.Equal("every 3 learns", model.Publication);

        var x = new Example { { "a", 1.0 } };
        await client.LearnAsync("default", x, true, cancellationToken: s_cancel);
        await client.LearnAsync("default", x, false, cancellationToken: s_cancel);
        Assert.Equal(0, (await client.PredictAsync("default", x, cancellationToken: s_cancel)).Sequence);
        await client.LearnAsync("default", x, true, cancellationToken: s_cancel);
        Assert.Equal(3, (await client.PredictAsync("default", x, cancellationToken: s_cancel)).Sequence);

        ModelDescription back = await client.SetPublicationAsync("default", cancellationToken: s_cancel);
        Assert.Equal("after every learn", back.Publication);
    }

    [Fact]
    public async Task GetMetricsAndExport_AfterLearning_ReportTheModel()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();
        await client.LearnAsync("default", new Example { { "a", 1.0 }, { "b", 0.0 } }, true, cancellationToken: s_cancel);
        await client.LearnAsync("default", new Example { { "a", 0.0 }, { "b", 1.0 } }, false, cancellationToken: s_cancel);

        ModelMetrics metrics = await client.GetMetricsAsync("default", s_cancel);
        Assert.Equal(2, metrics.Sequence);
        Assert.Equal(["Accuracy", "LogLoss", "ROCAUC"], metrics.Global.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1000, metrics.RollingWindow);
        Assert.NotNull(metrics.Global["LogLoss"]);

        ModelExport export = await client.ExportAsync("default", s_cancel);
        Assert.Equal(2, export.Sequence);
        Assert.Equal(["a", "b"], export.Features);
        Assert.Equal(2, export.Steps.Count);
        Assert.StartsWith("StandardScaler", export.Steps[0].Estimator, StringComparison.Ordinal);
        Assert.NotNull(export.Steps[1].Parameters);
    }
}
