using System.Collections.Frozen;
using System.Reflection;

namespace Eddy.Server.Endpoints;

/// <summary>
/// The dashboard at <c>/</c>: a page and its scripts, embedded in the assembly (uPlot is vendored, nothing is fetched
/// from a CDN), so it is there however the server is started.
/// </summary>
internal static class DashboardEndpoints
{
    private static readonly FrozenDictionary<string, string> s_contentTypes = new Dictionary<string, string>
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["uPlot.iife.min.js"] = "text/javascript; charset=utf-8",
        ["uPlot.min.css"] = "text/css; charset=utf-8",
        ["uPlot.LICENSE"] = "text/plain; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[]> s_files = Load();

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => File("index.html")).ExcludeFromDescription();
        routes.MapGet("/dashboard/{file}", (string file) => File(file)).ExcludeFromDescription();
        return routes;
    }

    private static IResult File(string name) =>
        s_files.TryGetValue(name, out byte[]? content)
            ? TypedResults.Bytes(content, s_contentTypes[name])
            : TypedResults.NotFound();

    private static FrozenDictionary<string, byte[]> Load()
    {
        Assembly assembly = typeof(DashboardEndpoints).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string name in s_contentTypes.Keys)
        {
            using Stream stream = assembly.GetManifestResourceStream("dashboard/" + name)
                ?? throw new InvalidOperationException($"The dashboard file {name} is not embedded in {assembly.GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
