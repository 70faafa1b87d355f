using System.Text.Json.Nodes;
using Eddy.Base;

namespace Eddy.Server.Monitoring;

/// <summary>
/// One configured challenger: its name, its pipeline as canonical spec JSON (seeds pinned, so every rebuild is the same
/// model) and a fresh-instance prototype built from it.
/// </summary>
internal sealed record ChallengerEntry(string Name, JsonNode Pipeline, Estimator Prototype)
{
    public JsonObject ToJsonNode() => new() { ["name"] = Name, ["pipeline"] = Pipeline.DeepClone() };
}
