namespace Eddy.Client;

/// <summary>The model's first metric right after a learn; null while undefined.</summary>
public sealed class MetricReading
{
    public string Name { get; init; } = "";

    public double? Value { get; init; }
}
