using System.Net;
using System.Text;
using System.Text.Json;

namespace Eddy.Client;

/// <summary>The retry loop and the mapping of error answers to <see cref="EddyProblemException"/>.</summary>
public sealed partial class EddyClient
{
    private const int MaxProblemBytes = 64 * 1024;

    /// <summary>
    /// Sends <paramref name="call"/>, retrying transient failures; returns a success answer (the caller disposes it) or
    /// throws <see cref="EddyProblemException"/> for an error answer and the transport's exception when attempts run out.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(Call call, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            bool last = attempt >= _options.MaxAttempts;
            HttpResponseMessage response;
            using (HttpRequestMessage request = call.Build())
            {
                try
                {
                    response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (!last && IsRetriableError(e, call.Delivery))
                {
                    await WaitAsync(attempt, null, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (TaskCanceledException) when (!last && !cancellationToken.IsCancellationRequested && call.Delivery == Delivery.Repeatable)
                {
                    // HttpClient.Timeout: the request may or may not have been processed, so only a repeatable call goes again.
                    await WaitAsync(attempt, null, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                TimeSpan? retryAfter = RetryAfter(response);
                if (!last && IsRetriableStatus(response.StatusCode, call.Delivery, retryAfter) && !(retryAfter > _options.MaxDelay))
                {
                    await WaitAsync(attempt, retryAfter, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                EddyProblem problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
                throw new EddyProblemException(problem, retryAfter) { Attempts = attempt };
            }
        }
    }

    /// <summary>Backoff with jitter: a random point in the upper half of base·2^(n−1), at least Retry-After, at most MaxDelay.</summary>
    private Task WaitAsync(int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        double exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        double milliseconds = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds) * (0.5 + (0.5 * Random.Shared.NextDouble()));
        if (retryAfter is { } wait && wait.TotalMilliseconds > milliseconds)
        {
            milliseconds = wait.TotalMilliseconds;
        }

        milliseconds = Math.Min(milliseconds, _options.MaxDelay.TotalMilliseconds);
        return milliseconds <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            TimeSpan until = date - DateTimeOffset.UtcNow;
            return until < TimeSpan.Zero ? TimeSpan.Zero : until;
        }

        return null;
    }

    /// <summary>The answer's problem+json; for another body (a proxy's page), a problem made of the status and the text.</summary>
    private static async Task<EddyProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            body = [];
        }

        string? mediaType = response.Content.Headers.ContentType?.MediaType;
        if (body.Length > 0 && mediaType is not null && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                EddyProblem? problem = JsonSerializer.Deserialize(body, ClientJsonContext.Default.EddyProblem);
                if (problem is not null && (problem.Title is not null || problem.Detail is not null || problem.Type != "about:blank"))
                {
                    return problem.Status == status ? problem : new EddyProblem
                    {
                        Type = problem.Type, Title = problem.Title, Status = status, Detail = problem.Detail, Field = problem.Field, Instance = problem.Instance,
                    };
                }
            }
            catch (JsonException)
            {
                // Not a problem document after all: described from the status below.
            }
        }

        string? text = body.Length == 0 ? null : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxProblemBytes));
        return new EddyProblem
        {
            Type = "about:blank",
            Title = response.ReasonPhrase ?? ((HttpStatusCode)status).ToString(),
            Status = status,
            Detail = text,
            Instance = response.RequestMessage?.RequestUri?.AbsolutePath,
        };
    }
}
