using System.Text;

namespace Eddy.Client;

/// <summary>The model resources: list, describe, create, delete, metrics, publication, export.</summary>
public sealed partial class EddyClient
{
    public Task<List<ModelSummary>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        SendJsonAsync(Get(Route("v1/models")), ClientJsonContext.Default.ListModelSummary, cancellationToken);

    public Task<ModelDescription> GetModelAsync(string model, CancellationToken cancellationToken = default) =>
        SendJsonAsync(Get(ModelRoute(model)), ClientJsonContext.Default.ModelDescription, cancellationToken);

    public Task<ModelMetrics> GetMetricsAsync(string model, CancellationToken cancellationToken = default) =>
        SendJsonAsync(Get(ModelRoute(model, "metrics")), ClientJsonContext.Default.ModelMetrics, cancellationToken);

    /// <summary>The learned parameters by feature name (weights, scaler statistics), for inspection.</summary>
    public Task<ModelExport> ExportAsync(string model, CancellationToken cancellationToken = default) =>
        SendJsonAsync(Get(ModelRoute(model, "export")), ClientJsonContext.Default.ModelExport, cancellationToken);

    /// <summary>
    /// Creates a model from River's expression form (<c>"StandardScaler | LogisticRegression(l2=0.01)"</c>) with the
    /// given metrics (the task's defaults when null). Admin route.
    /// </summary>
    public Task<ModelDescription> CreateModelAsync(string name, string expression, IReadOnlyList<string>? metrics = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(expression);
        return CreateAsync(RequestBodies.CreateModel(name, expression, metrics), cancellationToken);
    }

    /// <summary>
    /// Creates a model from a whole JSON create request: <c>{"name", "pipeline": [...], "metrics": [...],
    /// "publication": {...}, "rollingWindow": N}</c> (or <c>"model"</c> for the expression form). Admin route.
    /// </summary>
    public Task<ModelDescription> CreateModelFromJsonAsync(string request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(request);
        return CreateAsync(Encoding.UTF8.GetBytes(request), cancellationToken);
    }

    /// <summary>Deletes the model, its log and snapshots. Admin route.</summary>
    public async Task DeleteModelAsync(string model, CancellationToken cancellationToken = default)
    {
        Uri uri = ModelRoute(model);
        var call = new Call(() => Admin(new HttpRequestMessage(HttpMethod.Delete, uri)), Delivery.OnlyIfNotProcessed);
        using HttpResponseMessage response = await SendAsync(call, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes when learns become visible to predictions: after every <paramref name="every"/> learns, every
    /// <paramref name="everyMs"/> milliseconds, or (both null) after every learn. Admin route.
    /// </summary>
    public Task<ModelDescription> SetPublicationAsync(string model, int? every = null, int? everyMs = null, CancellationToken cancellationToken = default)
    {
        Uri uri = ModelRoute(model, "publication");
        byte[] body = RequestBodies.Publication(every, everyMs);

        // Setting the same policy twice is the same as once.
        var call = new Call(() => Admin(new HttpRequestMessage(HttpMethod.Put, uri) { Content = Json(body) }), Delivery.Repeatable);
        return SendJsonAsync(call, ClientJsonContext.Default.ModelDescription, cancellationToken);
    }

    private Task<ModelDescription> CreateAsync(byte[] body, CancellationToken cancellationToken)
    {
        Uri uri = Route("v1/models");
        var call = new Call(() => Admin(new HttpRequestMessage(HttpMethod.Post, uri) { Content = Json(body) }), Delivery.OnlyIfNotProcessed);
        return SendJsonAsync(call, ClientJsonContext.Default.ModelDescription, cancellationToken);
    }

    private static Call Get(Uri uri) => new(() => new HttpRequestMessage(HttpMethod.Get, uri), Delivery.Repeatable);
}
