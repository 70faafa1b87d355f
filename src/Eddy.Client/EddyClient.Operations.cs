using System.Net;
using System.Net.Http.Headers;

namespace Eddy.Client;

/// <summary>Snapshots, backups and health.</summary>
public sealed partial class EddyClient
{
    public const string SnapshotMediaType = "application/vnd.eddy.snapshot";

    /// <summary>Downloads a verified snapshot of the model taken now into <paramref name="destination"/>; returns its length.</summary>
    public Task<long> DownloadSnapshotAsync(string model, Stream destination, CancellationToken cancellationToken = default) =>
        DownloadAsync(Get(ModelRoute(model, "snapshot")), destination, cancellationToken);

    /// <summary>
    /// Creates or replaces the model from a snapshot (an offline warm start, <c>eddy train</c>). Admin route. Retried
    /// only when <paramref name="snapshot"/> can seek back to where it started.
    /// </summary>
    public Task<ModelDescription> UploadSnapshotAsync(string model, Stream snapshot, CancellationToken cancellationToken = default) =>
        SendJsonAsync(Upload(HttpMethod.Put, ModelRoute(model, "snapshot"), snapshot, SnapshotMediaType), ClientJsonContext.Default.ModelDescription, cancellationToken);

    /// <summary>Writes a zip of one verified snapshot per model, taken while the server keeps serving. Admin route.</summary>
    public Task<long> BackupAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        Uri uri = Route("v1/admin/backup");
        return DownloadAsync(new Call(() => Admin(new HttpRequestMessage(HttpMethod.Get, uri)), Delivery.Repeatable), destination, cancellationToken);
    }

    /// <summary>Loads a backup zip: creates or replaces each model in it; answers the restored models. Admin route.</summary>
    public Task<List<ModelSummary>> RestoreAsync(Stream archive, CancellationToken cancellationToken = default) =>
        SendJsonAsync(Upload(HttpMethod.Post, Route("v1/admin/restore"), archive, "application/zip"), ClientJsonContext.Default.ListModelSummary, cancellationToken);

    /// <summary>Liveness: <c>/healthz</c>.</summary>
    public Task<HealthReport> GetHealthAsync(CancellationToken cancellationToken = default) =>
        SendJsonAsync(Get(Route("healthz")), ClientJsonContext.Default.HealthReport, cancellationToken);

    /// <summary>Readiness: <c>/readyz</c>. A server still loading answers <c>starting</c> (a 503), returned, not thrown.</summary>
    public async Task<HealthReport> GetReadinessAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Route("readyz"));
        using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Content.Headers.ContentType?.MediaType == "application/json"))
        {
            return await ReadJsonAsync(response, ClientJsonContext.Default.HealthReport, cancellationToken).ConfigureAwait(false);
        }

        throw new EddyProblemException(await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false), RetryAfter(response));
    }

    private async Task<long> DownloadAsync(Call call, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using HttpResponseMessage response = await SendAsync(call, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var counting = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(counting, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(counting.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
            }

            return total;
        }
    }

    private Call Upload(HttpMethod method, Uri uri, Stream content, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(content);
        long start = content.CanSeek ? content.Position : -1;
        return new Call(
            () =>
            {
                if (start >= 0)
                {
                    content.Position = start;
                }

                // The caller owns the stream: the content must not close it when an attempt's request is disposed.
                var body = new StreamContent(new NonClosingStream(content));
                body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                return Admin(new HttpRequestMessage(method, uri) { Content = body });
            },
            start >= 0 ? Delivery.Repeatable : Delivery.Once);
    }
}
