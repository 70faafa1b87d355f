using System.Text.Json.Serialization;

namespace Eddy.Client;

/// <summary>Source-generated readers for the server's answers: no reflection at run time, trimming and AOT safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(List<ModelSummary>))]
[JsonSerializable(typeof(ModelDescription))]
[JsonSerializable(typeof(ModelMetrics))]
[JsonSerializable(typeof(ModelExport))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(PredictResult))]
[JsonSerializable(typeof(PredictManyResult))]
[JsonSerializable(typeof(LearnResult))]
[JsonSerializable(typeof(LearnManyResult))]
[JsonSerializable(typeof(StreamAnswer))]
[JsonSerializable(typeof(EddyProblem))]
[JsonSerializable(typeof(VersionChange))]
[JsonSerializable(typeof(ModelVersions))]
[JsonSerializable(typeof(ModelChallengers))]
[JsonSerializable(typeof(PromotionResult))]
internal sealed partial class ClientJsonContext : JsonSerializerContext
{
}
