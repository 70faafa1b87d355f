namespace Eddy.Client;

/// <summary>The published model's learned parameters by feature name, for inspection.</summary>
public sealed class ModelExport
{
    public string Name { get; init; } = "";

    public long Sequence { get; init; }

    public List<string> Features { get; init; } = [];

    public List<ExportedStep> Steps { get; init; } = [];

    public ModelMetrics Metrics { get; init; } = new();
}
