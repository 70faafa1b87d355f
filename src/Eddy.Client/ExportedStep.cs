using System.Text.Json;

namespace Eddy.Client;

/// <summary>A pipeline step: its repr and, when the estimator lists them, its parameters (shape depends on the estimator).</summary>
public sealed class ExportedStep
{
    public string Estimator { get; init; } = "";

    public JsonElement? Parameters { get; init; }
}
