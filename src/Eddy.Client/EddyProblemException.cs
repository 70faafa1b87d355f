using System.Net;

namespace Eddy.Client;

/// <summary>The server answered with an error (a problem+json body, or a bare status from a proxy).</summary>
public sealed class EddyProblemException : Exception
{
    public EddyProblemException(EddyProblem problem, TimeSpan? retryAfter = null)
        : base(Describe(problem))
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public EddyProblem Problem { get; }

    public string Type => Problem.Type;

    public string? Title => Problem.Title;

    public HttpStatusCode StatusCode => (HttpStatusCode)Problem.Status;

    public string? Detail => Problem.Detail;

    public string? Field => Problem.Field;

    /// <summary>How long the server asked to wait (<c>Retry-After</c> on a 429 or 503), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many attempts the call made before this answer.</summary>
    public int Attempts { get; internal init; } = 1;

    private static string Describe(EddyProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        string field = problem.Field is null ? string.Empty : $" (field {problem.Field})";
        return $"{problem.Status} {problem.Title ?? problem.Type}: {problem.Detail ?? problem.Type}{field}";
    }
}
