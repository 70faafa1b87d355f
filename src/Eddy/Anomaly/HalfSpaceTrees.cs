using System.Globalization;
using Eddy.Base;
using Eddy.Preprocessing;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Anomaly;

/// <summary>
/// River: <c>anomaly.HalfSpaceTrees</c> (0.12.1). An ensemble of random half-space trees whose nodes count the
/// examples of the last full window (reference mass) and of the current one (latest mass); an example that lands
/// in low-mass regions scores high. Tan, Ting and Liu (2011), "Fast anomaly detection for streaming data".
/// </summary>
/// <remarks>
/// <para>The trees are built at the first <c>LearnOne</c> from that example's features, with River's draws from
/// <c>random.Random(seed)</c> (a feature picked with probability proportional to its range, a split uniform in the
/// middle 70 % of it), so a seeded detector scores as River's does bit for bit. Features are assumed in [0, 1]
/// unless <c>limits</c> says otherwise; features first seen later are ignored, and a missing split feature follows
/// the child with more latest mass.</para>
/// <para>Scores are 0 during the first window, then <c>1 − Σ mass·2^depth / max</c> in [0, 1], high = anomalous.</para>
/// </remarks>
public sealed class HalfSpaceTrees : AnomalyDetector
{
    private const byte StateVersion = 1;
    private const double Padding = 0.15;

    private readonly Dictionary<string, (double Low, double High)>? _limits;
    private readonly int _nodesPerTree;
    private PythonRandom _rng;
    private HalfSpaceForest? _forest;
    private int _counter;
    private bool _firstWindow = true;

    /// <param name="nTrees">Number of trees (default 10).</param>
    /// <param name="height">Height of each tree: <c>2^(height+1) − 1</c> nodes (default 8).</param>
    /// <param name="windowSize">Examples per mass window (default 250).</param>
    /// <param name="limits">Range of each named feature; (0, 1) for the others (default none).</param>
    /// <param name="seed">Seed of River's <c>random.Random</c>; null (River's None) draws one from entropy.</param>
    public HalfSpaceTrees(
        int nTrees = 10, int height = 8, int windowSize = 250, IReadOnlyDictionary<string, (double Low, double High)>? limits = null, long? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nTrees, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 24);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSize, 1);
        if (limits is not null)
        {
            _limits = new Dictionary<string, (double Low, double High)>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, (double Low, double High)> limit in limits)
            {
                if (!double.IsFinite(limit.Value.Low) || !double.IsFinite(limit.Value.High) || limit.Value.Low > limit.Value.High)
                {
                    throw new ArgumentOutOfRangeException(nameof(limits), $"The limits of '{limit.Key}' must be finite and ordered.");
                }

                _limits.Add(limit.Key, limit.Value);
            }
        }

        NTrees = nTrees;
        Height = height;
        WindowSize = windowSize;
        Seed = seed;
        _nodesPerTree = (1 << (height + 1)) - 1;
        _rng = PythonRandom.Create(seed);
    }

    public int NTrees { get; }

    public int Height { get; }

    public int WindowSize { get; }

    public long? Seed { get; }

    public IReadOnlyDictionary<string, (double Low, double High)>? Limits => _limits;

    /// <summary>River's <c>size_limit</c>: scoring stops descending below this reference mass.</summary>
    public double SizeLimit => 0.1 * WindowSize;

    protected override void LearnCore(FeatureVector x)
    {
        HalfSpaceForest? forest = _forest;
        if (forest is null)
        {
            forest = HalfSpaceForest.Build(x, NTrees, Height, Padding, _rng, LimitsOf);
            _forest = forest;
        }

        forest.AddLatest(x);
        if (++_counter == WindowSize)
        {
            forest.Pivot();
            _firstWindow = false;
            _counter = 0;
        }
    }

    protected override double ScoreCore(FeatureVector x)
    {
        if (_firstWindow || _forest is null)
        {
            return 0.0;
        }

        double score = _forest.ReferenceScore(x, SizeLimit);
        double maxScore = (double)NTrees * WindowSize * _nodesPerTree;
        return 1 - (score / maxScore);
    }

    public override Estimator CloneFresh() => new HalfSpaceTrees(NTrees, Height, WindowSize, _limits, Seed);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(HalfSpaceTrees), StateVersion);
        _rng.WriteState(writer);
        writer.WriteInt32(_counter);
        writer.WriteBoolean(_firstWindow);
        writer.WriteBoolean(_forest is not null);
        _forest?.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(HalfSpaceTrees), StateVersion);
        PythonRandom rng = PythonRandom.ReadState(reader);
        int counter = reader.ReadInt32();
        StateReader.Require(counter >= 0 && counter < WindowSize, "Invalid window counter.");
        bool firstWindow = reader.ReadBoolean();
        HalfSpaceForest? forest = reader.ReadBoolean() ? HalfSpaceForest.Read(reader, NTrees, Height) : null;
        StateReader.Require(forest is not null || (firstWindow && counter == 0), "Masses without trees.");
        _rng = rng;
        _counter = counter;
        _firstWindow = firstWindow;
        _forest = forest;
    }

    public override string ToString()
    {
        string limits = "None";
        if (_limits is not null)
        {
            var parts = new List<string>(_limits.Count);
            foreach (KeyValuePair<string, (double Low, double High)> limit in _limits)
            {
                parts.Add($"'{limit.Key}': ({PythonFloat.Repr(limit.Value.Low)}, {PythonFloat.Repr(limit.Value.High)})");
            }

            limits = "{" + string.Join(", ", parts) + "}";
        }

        string seed = Seed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "None";
        return string.Create(CultureInfo.InvariantCulture, $"HalfSpaceTrees(n_trees={NTrees}, height={Height}, window_size={WindowSize}, limits={limits}, seed={seed})");
    }

    private (double Low, double High) LimitsOf(string name) =>
        _limits is not null && _limits.TryGetValue(name, out (double Low, double High) limit) ? limit : (0.0, 1.0);
}
