using Eddy.Base;
using Eddy.Server.Json;

namespace Eddy.Server.Hosting;

/// <summary>
/// A prediction served with a client id, kept until its label arrives: the exact features and what was answered,
/// so the model learns those features and the metric scores the prediction the client actually saw.
/// </summary>
internal sealed class PendingPrediction
{
    private int _learned;

    public PendingPrediction(string id, RawExample features, ClassProbabilities? probabilities, Label label, double value, long replicaSequence, DateTimeOffset deadline)
    {
        Id = id;
        Features = features;
        Probabilities = probabilities;
        Label = label;
        Value = value;
        ReplicaSequence = replicaSequence;
        Deadline = deadline;
    }

    public string Id { get; }

    public RawExample Features { get; }

    /// <summary>The served class probabilities (classifiers), or null.</summary>
    public ClassProbabilities? Probabilities { get; }

    /// <summary>The served class (classifiers).</summary>
    public Label Label { get; }

    /// <summary>The served value (regressors).</summary>
    public double Value { get; }

    public long ReplicaSequence { get; }

    public DateTimeOffset Deadline { get; }

    public bool IsLearned => Volatile.Read(ref _learned) == 1;

    /// <summary>Marks the label as learned; false when it already was (the once-only guarantee).</summary>
    public bool TryMarkLearned() => Interlocked.Exchange(ref _learned, 1) == 0;
}
