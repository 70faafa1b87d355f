using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.synth.ConceptDriftStream</c>. Joins two streams: example <c>t</c> (from 1) comes from
/// <see cref="DriftStream"/> with probability <c>1 / (1 + e^(−4(t − position)/width))</c>, else from
/// <see cref="Stream"/>. Bifet et al. (2009), MOA's sigmoid drift.
/// </summary>
/// <remarks>
/// <para>Each child advances only when it is drawn from, as River's generators do. With <c>alpha</c> the width is
/// <c>⌊1/tan(alpha°)⌋</c>, at least 1. The defaults are River's: <c>Agrawal(seed)</c> drifting to
/// <c>Agrawal(seed, classification_function: 2)</c>. Restarting restarts both children.</para>
/// <para>River checks only that the feature counts agree; here the feature names must agree too, and the two streams
/// must be distinct objects, since each child is one generator.</para>
/// </remarks>
public sealed class ConceptDriftStream : SyntheticStream
{
    private readonly PythonRandom _rng;
    private long _sampleIndex;

    public ConceptDriftStream(
        SyntheticStream? stream = null, SyntheticStream? driftStream = null, int position = 5000, int width = 1000, long? seed = null, double? alpha = null)
        : base(nameof(ConceptDriftStream), TaskOf(stream), ClassesOf(stream), NamesOf(stream))
    {
        Seed = ResolveSeed(seed);
        Stream = stream ?? new Agrawal(seed: Seed);
        DriftStream = driftStream ?? new Agrawal(classificationFunction: 2, seed: Seed);
        if (ReferenceEquals(Stream, DriftStream))
        {
            throw new ArgumentException("The stream and the drift stream must be two generators.", nameof(driftStream));
        }

        if (!Stream.FeatureNames.SequenceEqual(DriftStream.FeatureNames))
        {
            throw new ArgumentException(
                $"Inconsistent features between {Stream.Name} ({Stream.NFeatures}) and {DriftStream.Name} ({DriftStream.NFeatures}).",
                nameof(driftStream));
        }

        if (alpha is { } a)
        {
            if (!(a > 0 && a <= 90.0))
            {
                throw new ArgumentOutOfRangeException(nameof(alpha), a, "Valid values are in the range (0.0, 90.0].");
            }

            int w = (int)(1 / Math.Tan(a * Math.PI / 180));
            width = w > 0 ? w : 1;
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        }

        Position = position;
        Width = width;
        Alpha = alpha;
        _rng = new PythonRandom(Seed);
        Restart();
    }

    public SyntheticStream Stream { get; }

    public SyntheticStream DriftStream { get; }

    public int Position { get; }

    /// <summary>The transition width, derived from <see cref="Alpha"/> when it is given.</summary>
    public int Width { get; }

    public double? Alpha { get; }

    public long Seed { get; }

    /// <summary>River's sigmoid: the probability that example <paramref name="t"/> (from 1) comes from the drift stream.</summary>
    public double DriftProbability(long t)
    {
        double v = -4.0 * (t - Position) / Width;
        return 1.0 / (1.0 + Math.Exp(v));
    }

    public override void Restart()
    {
        _rng.Seed(Seed);
        Stream.Restart();
        DriftStream.Restart();
        _sampleIndex = 0;
    }

    protected override bool Generate(Span<double> values, out Label y)
    {
        _sampleIndex++;
        SyntheticStream source = _rng.NextDouble() > DriftProbability(_sampleIndex) ? Stream : DriftStream;
        return source.Next(values, out y);
    }

    private static TaskKind TaskOf(SyntheticStream? stream) => stream?.Task ?? TaskKind.BinaryClassification;

    private static int ClassesOf(SyntheticStream? stream) => stream?.NClasses ?? 2;

    private static string[] NamesOf(SyntheticStream? stream) =>
        stream is null ? Agrawal.Names : [.. stream.FeatureNames];
}
