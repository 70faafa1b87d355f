using System.Globalization;
using System.Text;

namespace Eddy.Client;

/// <summary>Model versions (change, list, restore) and champion/challenger (contenders, manual promotion).</summary>
public sealed partial class EddyClient
{
    /// <summary>
    /// Changes any of the model's definition parts, given as a JSON object read like a creation body
    /// (<c>{"model": "StandardScaler | LogisticRegression"}</c>, <c>{"output": {...}}</c>, <c>{"metrics": [...]}</c>):
    /// a new model version. Admin route. Retried on transient failures: the same definition again makes no version, so
    /// a repeated delivery answers <see cref="VersionChange.Change"/> <c>none</c> with the version the first one made.
    /// </summary>
    public Task<VersionChange> ChangeModelAsync(string model, string change, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(change);
        Uri uri = ModelRoute(model);
        byte[] body = Encoding.UTF8.GetBytes(change);
        var call = new Call(() => Admin(new HttpRequestMessage(HttpMethod.Patch, uri) { Content = Json(body) }), Delivery.Repeatable);
        return SendJsonAsync(call, ClientJsonContext.Default.VersionChange, cancellationToken);
    }

    /// <summary>The model's versions, oldest first, with their scores, and the aliases <c>champion</c> and <c>previous</c>.</summary>
    public Task<ModelVersions> GetVersionsAsync(string model, CancellationToken cancellationToken = default) =>
        SendJsonAsync(Get(ModelRoute(model, "versions")), ClientJsonContext.Default.ModelVersions, cancellationToken);

    /// <summary>
    /// Brings back an earlier version (a number, or <c>previous</c>) as a new version. Admin route. Each restore makes a
    /// version, so it is retried only when the server certainly did not process it.
    /// </summary>
    public Task<VersionChange> RestoreVersionAsync(string model, string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        Uri uri = ModelRoute(model, "versions/" + Uri.EscapeDataString(version) + "/restore");
        var call = new Call(() => Admin(new HttpRequestMessage(HttpMethod.Post, uri)), Delivery.OnlyIfNotProcessed);
        return SendJsonAsync(call, ClientJsonContext.Default.VersionChange, cancellationToken);
    }

    /// <inheritdoc cref="RestoreVersionAsync(string, string, CancellationToken)"/>
    public Task<VersionChange> RestoreVersionAsync(string model, int version, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        return RestoreVersionAsync(model, version.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>The champion and each challenger as of the published model; no champion when the model has no challengers.</summary>
    public Task<ModelChallengers> GetChallengersAsync(string model, CancellationToken cancellationToken = default) =>
        SendJsonAsync(Get(ModelRoute(model, "challengers")), ClientJsonContext.Default.ModelChallengers, cancellationToken);

    /// <summary>
    /// Makes a challenger the champion now. Admin route. A second promotion of the same name answers 409, so it is
    /// retried only when the server certainly did not process it.
    /// </summary>
    public Task<PromotionResult> PromoteAsync(string model, string challenger, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(challenger);
        Uri uri = ModelRoute(model, "challengers/" + Uri.EscapeDataString(challenger) + "/promote");
        var call = new Call(() => Admin(new HttpRequestMessage(HttpMethod.Post, uri)), Delivery.OnlyIfNotProcessed);
        return SendJsonAsync(call, ClientJsonContext.Default.PromotionResult, cancellationToken);
    }
}
