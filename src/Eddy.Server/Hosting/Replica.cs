using Eddy.Base;

namespace Eddy.Server.Hosting;

/// <summary>
/// An immutable published copy of a model: what every prediction reads, without locks. The writer never touches it
/// after publication; it replaces the whole object behind one volatile reference.
/// </summary>
/// <param name="Model">A deep copy of the writer's model at <paramref name="Sequence"/>.</param>
/// <param name="Schema">The feature names the model's indices refer to (a frozen copy; read-only here).</param>
/// <param name="Sequence">Learns applied, in the writer's order, when this copy was taken.</param>
/// <param name="MetricValues">The progressive metrics' values (global, then rolling) at <paramref name="Sequence"/>.</param>
/// <param name="PublishedAt">When the writer published it.</param>
internal sealed record Replica(Estimator Model, FeatureSchema Schema, long Sequence, IReadOnlyList<double> MetricValues, DateTimeOffset PublishedAt)
{
    /// <summary>Scale-out: the published version this replica is (0 before the trainer published one).</summary>
    public long Version { get; init; }

    /// <summary>Scale-out: the stream entries this replica covers (learns plus entries the trainer refused).</summary>
    public long Offset { get; init; }

    /// <summary>The features monitor's figures at <see cref="Sequence"/> (null when the model has none).</summary>
    public IReadOnlyList<Monitoring.FeatureDrift>? Features { get; init; }

    /// <summary>The champion and challengers at <see cref="Sequence"/> (null when the model has none).</summary>
    public Monitoring.ChallengerReport? Challengers { get; init; }

    /// <summary>The model's version history at <see cref="Sequence"/>; the last one is the version that answers.</summary>
    public IReadOnlyList<ModelRevision> Revisions { get; init; } = [];

    /// <summary>The model version this replica is (the wire's <c>version</c>; not scale-out's <see cref="Version"/>).</summary>
    public int Revision => Revisions.Count == 0 ? 1 : Revisions[^1].Number;

    /// <summary>The output mapping of <see cref="Revision"/>, applied where its answers are written.</summary>
    public OutputMapping? Output { get; init; }
}
