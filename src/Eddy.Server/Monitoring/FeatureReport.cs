namespace Eddy.Server.Monitoring;

/// <summary>The features monitor's figures published with the replica at <paramref name="Sequence"/>; immutable.</summary>
internal sealed record FeatureReport(long Sequence, IReadOnlyList<FeatureDrift> Features);
