using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Eddy.Client.Tests.Support;

/// <summary>
/// Sits between the client and the network and injects the next queued faults, one per request: a response lost after
/// the server processed the request, a refused connection, or an answer from a proxy in front of the server.
/// Records every request's idempotency key.
/// </summary>
internal sealed class FaultHandler : DelegatingHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _faults = new();
    private readonly List<string?> _keys = [];

    public int Requests
    {
        get
        {
            lock (_keys)
            {
                return _keys.Count;
            }
        }
    }

    public IReadOnlyList<string?> IdempotencyKeys
    {
        get
        {
            lock (_keys)
            {
                return [.. _keys];
            }
        }
    }

    /// <summary>The request reaches the server and is processed; its answer is lost on the way back.</summary>
    public FaultHandler DropResponse()
    {
        _faults.Enqueue(async (request, cancellation) =>
        {
            using HttpResponseMessage response = await base.SendAsync(request, cancellation);
            await response.Content.LoadIntoBufferAsync(cancellation);
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "Injected: the connection dropped before the answer arrived.");
        });
        return this;
    }

    /// <summary>The connection cannot be made; the server never sees the request.</summary>
    public FaultHandler RefuseConnection()
    {
        _faults.Enqueue((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Injected: connection refused."));
        return this;
    }

    /// <summary>A proxy answers <paramref name="status"/> without forwarding the request.</summary>
    public FaultHandler Answer(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        _faults.Enqueue((request, _) =>
        {
            var response = new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent("<html>upstream unavailable</html>", Encoding.UTF8, "text/html"),
            };
            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_keys)
        {
            _keys.Add(request.Headers.TryGetValues(EddyClient.IdempotencyHeader, out IEnumerable<string>? values) ? values.Single() : null);
        }

        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? fault;
        lock (_faults)
        {
            _faults.TryDequeue(out fault);
        }

        return fault is null ? base.SendAsync(request, cancellationToken) : fault(request, cancellationToken);
    }
}
