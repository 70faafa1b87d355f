namespace Eddy.Server.Hosting;

/// <summary>
/// One version of a model (internally a <em>revision</em>, so it is not confused with scale-out's published
/// snapshot versions): what changed, when, the learns it served, and its scores when it was superseded.
/// </summary>
/// <param name="Number">1 at creation, then one more per change or restore.</param>
/// <param name="CreatedAtMs">Unix milliseconds of the change (from its log record); 0 when unknown.</param>
/// <param name="Change"><c>created</c>, <c>restore</c>, or the changed parts joined by '+' (<c>pipeline+output</c>).</param>
/// <param name="FirstSequence">Learns applied before it: it served the learns after this one.</param>
/// <param name="LastSequence">The last learn it served; -1 while it is current.</param>
/// <param name="RestoredFrom">The version it brought back (0: none).</param>
/// <param name="Spec">Its spec, canonical JSON.</param>
/// <param name="Output">Its output mapping (JSON), if any.</param>
internal sealed record ModelRevision(int Number, long CreatedAtMs, string Change, long FirstSequence, long LastSequence, int RestoredFrom, string Spec, string? Output)
{
    /// <summary>Metric names (global values first, then the rolling copies in <see cref="Scores"/>).</summary>
    public IReadOnlyList<string> MetricNames { get; init; } = [];

    /// <summary>The progressive metrics when it was superseded: global, then rolling (empty while current).</summary>
    public IReadOnlyList<double> Scores { get; init; } = [];

    /// <summary>The champion's holdout score when it was superseded (NaN without a holdout, or while current).</summary>
    public double Holdout { get; init; } = double.NaN;

    /// <summary>Its model snapshot file when it was superseded, kept for a restore (empty once dropped, and while current).</summary>
    public ReadOnlyMemory<byte> State { get; init; }

    public bool IsCurrent => LastSequence < 0;
}
