using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Eddy.Client;

/// <summary>
/// A typed client for an Eddy server. Thread-safe: share one instance. Every non-success answer becomes an
/// <see cref="EddyProblemException"/>. Transient failures (connection errors, 502/503/504, 429 with <c>Retry-After</c>)
/// are retried with bounded exponential backoff; a call is retried only when a second delivery cannot change the
/// outcome: reads and predictions always, learns because each logical call sends one <c>Idempotency-Key</c> on all of
/// its attempts, other writes only when the server certainly did not process them. 4xx answers are never retried.
/// </summary>
public sealed partial class EddyClient : IDisposable
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ApiKeyHeader = "X-Api-Key";

    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _base;
    private readonly EddyClientOptions _options;

    /// <summary>Uses <paramref name="http"/> (its <see cref="HttpClient.BaseAddress"/> is the server); the caller owns it.</summary>
    public EddyClient(HttpClient http, EddyClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _base = Normalize(http.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress: the server's address.", nameof(http)));
        _options = options ?? new EddyClientOptions();
        _options.Validate();
    }

    /// <summary>Creates and owns an <see cref="HttpClient"/> for the server at <paramref name="baseAddress"/>.</summary>
    public EddyClient(Uri baseAddress, EddyClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _options = options ?? new EddyClientOptions();
        _options.Validate();
        _base = Normalize(baseAddress);

        // A bounded connection lifetime follows DNS changes behind a load balancer.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { BaseAddress = _base };
        _ownsHttp = true;
    }

    public Uri BaseAddress => _base;

    public EddyClientOptions Options => _options;

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private Uri Route(string path) => new(_base, path);

    private Uri ModelRoute(string model, string? action = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        string path = "v1/models/" + Uri.EscapeDataString(model);
        return Route(action is null ? path : path + "/" + action);
    }

    private static Uri Normalize(Uri address)
    {
        if (!address.IsAbsoluteUri)
        {
            throw new ArgumentException("The server's address must be absolute (http://host:port/).", nameof(address));
        }

        string text = address.AbsoluteUri;
        return text.EndsWith('/') ? address : new Uri(text + "/");
    }

    /// <summary>Sends and reads a JSON answer.</summary>
    private async Task<T> SendJsonAsync<T>(Call call, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(call, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, answer, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        Stream body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(body, answer, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException($"The server answered null where a {typeof(T).Name} was expected.");
        }
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = s_json;
        return content;
    }

    private HttpRequestMessage Admin(HttpRequestMessage request)
    {
        if (_options.ApiKey is { } key)
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
        }

        return request;
    }

    /// <summary>
    /// One logical call: how to build each attempt's request (a fresh message every time; the body bytes are shared) and
    /// how safe a second delivery is.
    /// </summary>
    private readonly record struct Call(Func<HttpRequestMessage> Build, Delivery Delivery);

    private enum Delivery
    {
        /// <summary>Reads, predictions, learns with an idempotency key: any transient failure is retried.</summary>
        Repeatable,

        /// <summary>
        /// Other writes: retried only when the server certainly did not process the request (the connection was never
        /// made, or it answered 503 or 429 with Retry-After).
        /// </summary>
        OnlyIfNotProcessed,

        /// <summary>Bodies that cannot be sent twice (an upload from a stream that cannot seek): never retried.</summary>
        Once,
    }

    private static bool IsRetriableStatus(HttpStatusCode status, Delivery delivery, TimeSpan? retryAfter) => delivery != Delivery.Once && status switch
    {
        HttpStatusCode.ServiceUnavailable => true,
        HttpStatusCode.TooManyRequests => retryAfter is not null,
        HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => delivery == Delivery.Repeatable,
        _ => false,
    };

    private static bool IsRetriableError(HttpRequestException error, Delivery delivery) =>
        delivery == Delivery.Repeatable
        || (delivery == Delivery.OnlyIfNotProcessed && error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);
}
