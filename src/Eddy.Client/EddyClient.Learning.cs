namespace Eddy.Client;

/// <summary>Predictions and learns, one at a time or in batches.</summary>
public sealed partial class EddyClient
{
    /// <summary>
    /// Predicts <paramref name="x"/> from the published model. With an <paramref name="id"/> the server keeps the
    /// prediction pending, so its label can be learned later with <see cref="LearnByIdAsync"/>.
    /// </summary>
    /// <remarks>
    /// Retried on transient failures. When a retry with an id finds the id already taken, the lost attempt was stored:
    /// the client predicts again without the id and answers with it, so the pending prediction is usable as usual.
    /// </remarks>
    public async Task<PredictResult> PredictAsync(string model, Example x, string? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        Uri uri = ModelRoute(model, "predict");
        byte[] body = RequestBodies.Predict(x, id);
        try
        {
            return await SendJsonAsync(Post(uri, body, Delivery.Repeatable), ClientJsonContext.Default.PredictResult, cancellationToken).ConfigureAwait(false);
        }
        catch (EddyProblemException e) when (id is not null && e.Attempts > 1 && e.Problem.Slug == "pending-id-in-use")
        {
            PredictResult again = await SendJsonAsync(Post(uri, RequestBodies.Predict(x, null), Delivery.Repeatable), ClientJsonContext.Default.PredictResult, cancellationToken).ConfigureAwait(false);
            return new PredictResult { Model = again.Model, Sequence = again.Sequence, Id = id, Prediction = again.Prediction, Probabilities = again.Probabilities };
        }
    }

    /// <summary>
    /// Learns <paramref name="x"/> with label <paramref name="y"/>. One idempotency key is sent on every attempt, so a
    /// retried learn is applied once; pass your own <paramref name="idempotencyKey"/> to extend that across processes.
    /// </summary>
    public Task<LearnResult> LearnAsync(string model, Example x, EddyValue y, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        LearnAsync(model, LearnItem.Of(x, y), idempotencyKey, cancellationToken);

    /// <summary>A delayed label: learns the features kept with the pending prediction <paramref name="id"/> (404 unknown, 410 expired, 409 already learned).</summary>
    public Task<LearnResult> LearnByIdAsync(string model, string id, EddyValue y, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        LearnAsync(model, LearnItem.ById(id, y), idempotencyKey, cancellationToken);

    public Task<LearnResult> LearnAsync(string model, LearnItem item, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Uri uri = ModelRoute(model, "learn");
        byte[] body = RequestBodies.Learn(item);
        string key = idempotencyKey ?? Guid.NewGuid().ToString("N");
        var call = new Call(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = Json(body) };
                request.Headers.TryAddWithoutValidation(IdempotencyHeader, key);
                return request;
            },
            Delivery.Repeatable);
        return SendJsonAsync(call, ClientJsonContext.Default.LearnResult, cancellationToken);
    }

    /// <summary>Predicts a batch (at most 10,000), all from one published version; a bad item gets an error in its place.</summary>
    public Task<PredictManyResult> PredictManyAsync(string model, IEnumerable<PredictItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        Uri uri = ModelRoute(model, "predict_many");
        return SendJsonAsync(Post(uri, RequestBodies.PredictMany(items), Delivery.Repeatable), ClientJsonContext.Default.PredictManyResult, cancellationToken);
    }

    /// <summary>
    /// Learns a batch (at most 10,000) in order; a malformed batch changes nothing, an item the model refuses gets an
    /// error in its place. The route takes no idempotency key, so a batch is retried only when it certainly was not processed.
    /// </summary>
    public Task<LearnManyResult> LearnManyAsync(string model, IEnumerable<LearnItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        Uri uri = ModelRoute(model, "learn_many");
        return SendJsonAsync(Post(uri, RequestBodies.LearnMany(items), Delivery.OnlyIfNotProcessed), ClientJsonContext.Default.LearnManyResult, cancellationToken);
    }

    private static Call Post(Uri uri, byte[] body, Delivery delivery) =>
        new(() => new HttpRequestMessage(HttpMethod.Post, uri) { Content = Json(body) }, delivery);
}
