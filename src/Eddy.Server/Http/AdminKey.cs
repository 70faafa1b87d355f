using System.Security.Cryptography;
using System.Text;
using Eddy.Server.Endpoints;
using Eddy.Server.Problems;

namespace Eddy.Server.Http;

/// <summary>Admin routes (create and delete models) require the configured API key, when there is one.</summary>
internal static class AdminKey
{
    public const string Header = "X-Api-Key";

    /// <summary>Null when the request may proceed; otherwise the 401 problem to answer.</summary>
    public static IResult? Check(HttpContext context, ServerSettings settings)
    {
        if (settings.ApiKey is null)
        {
            return null;
        }

        string? given = context.Request.Headers[Header].FirstOrDefault();
        string? authorization = context.Request.Headers.Authorization.FirstOrDefault();
        if (given is null && authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }

        if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(settings.ApiKey)))
        {
            return null;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ModelEndpoints.Problem(ProblemKind.Unauthorized, $"This route needs the API key, in the {Header} header or as a bearer token.");
    }
}
