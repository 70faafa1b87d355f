using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Eddy.Specs;

namespace Eddy.Server.Hosting;

/// <summary>
/// A served model must be a function of its stream: recovery, replication and a trainer's takeover rebuild it from its
/// logged spec and replay its learns, bit for bit. A component with <c>seed=None</c> (River: fresh entropy) would
/// draw another seed at every rebuild; so when a model is defined, every such seed is drawn once and written into its
/// spec — logged, snapshotted and shown — and every rebuild uses it.
/// </summary>
internal static class SeedPinning
{
    private static readonly ComponentFamily[] s_families = Enum.GetValues<ComponentFamily>();

    public static ModelSpec Pin(ModelSpec spec, EstimatorCatalog catalog)
    {
        JsonNode root = JsonNode.Parse(spec.ToJson())!;
        return Visit(root, catalog) ? catalog.ParseJson(root.ToJsonString()) : spec;
    }

    /// <summary>Draws a seed as River's users write them: a non-negative 31-bit integer.</summary>
    public static long Draw() => RandomNumberGenerator.GetInt32(int.MaxValue);

    private static bool Visit(JsonNode? node, EstimatorCatalog catalog)
    {
        bool changed = false;
        switch (node)
        {
            case JsonObject component:
                if (component.Count == 1)
                {
                    (string name, JsonNode? parameters) = component.First();
                    if ((parameters is JsonObject || parameters is null) && TakesSeed(catalog, name))
                    {
                        if (parameters is not JsonObject arguments)
                        {
                            component[name] = new JsonObject { ["seed"] = Draw() };
                            changed = true;
                        }
                        else if (!arguments.TryGetPropertyValue("seed", out JsonNode? seed) || seed is null)
                        {
                            arguments["seed"] = Draw();
                            changed = true;
                        }
                    }
                }

                foreach ((string _, JsonNode? value) in component.ToList())
                {
                    changed |= Visit(value, catalog);
                }

                break;
            case JsonArray items:
                foreach (JsonNode? item in items)
                {
                    changed |= Visit(item, catalog);
                }

                break;
        }

        return changed;
    }

    private static bool TakesSeed(EstimatorCatalog catalog, string name)
    {
        foreach (ComponentFamily family in s_families)
        {
            if (catalog.TryGetEntry(family, name, out CatalogEntry? entry))
            {
                foreach (ParameterSpec parameter in entry.Parameters)
                {
                    if (parameter.Name == "seed")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
