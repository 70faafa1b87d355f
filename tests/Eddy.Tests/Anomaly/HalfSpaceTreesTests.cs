using System.Text.Json;
using Eddy.Anomaly;
using Eddy.Base;
using Eddy.Specs;
using Eddy.Tests.Support;

namespace Eddy.Tests.Anomaly;

public sealed class HalfSpaceTreesTests
{
    private static readonly double[] s_docstringStream = [0.5, 0.45, 0.43, 0.44, 0.445, 0.45, 0.0];

    [Fact]
    public void Reference_HstSmall_BitIdenticalToRiver()
    {
        JsonElement reference = Reference.Root.GetProperty("hst_small");
        JsonElement parameters = reference.GetProperty("params");
        var detector = new HalfSpaceTrees(
            nTrees: parameters.GetProperty("n_trees").GetInt32(),
            height: parameters.GetProperty("height").GetInt32(),
            windowSize: parameters.GetProperty("window_size").GetInt32(),
            limits: new Dictionary<string, (double, double)> { ["x"] = (0.0, 1.0) },
            seed: parameters.GetProperty("seed").GetInt64());
        double[] expected = [.. reference.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble())];

        double[] scores = RunDocstring(detector);

        Assert.Equal(expected.Length, scores.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(scores[i]));
        }
    }

    [Fact]
    public void RiverDocstring_DefaultLimits_PrintedScores()
    {
        double[] scores = RunDocstring(new HalfSpaceTrees(nTrees: 5, height: 3, windowSize: 3, seed: 42));
        string[] printed = [.. scores.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(["0.107", "0.071", "0.107", "0.107", "0.107", "0.071", "0.853"], printed);
    }

    [Fact]
    public void ScoreOne_FirstWindow_Zero()
    {
        var detector = new HalfSpaceTrees(windowSize: 3, seed: 1);
        var x = new FeatureVector(new FeatureSchema());
        x.Set("x", 0.2);
        detector.LearnOne(x);
        detector.LearnOne(x);
        Assert.Equal(0.0, detector.ScoreOne(x));
        detector.LearnOne(x);

        // Every path of the learned point is full, so it scores 0; a far point does not.
        Assert.Equal(0.0, detector.ScoreOne(x));
        x.Clear();
        x.Set("x", 0.9);
        Assert.True(detector.ScoreOne(x) > 0.5);
    }

    [Fact]
    public void ScoreOne_OutlierAfterWarmup_ScoresHigherThanInlier()
    {
        var detector = new HalfSpaceTrees(nTrees: 10, height: 6, windowSize: 50, seed: 3);
        var x = new FeatureVector(new FeatureSchema());
        var rng = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            x.Clear();
            x.Set("a", 0.4 + (0.1 * rng.NextDouble()));
            x.Set("b", 0.5 + (0.1 * rng.NextDouble()));
            detector.LearnOne(x);
        }

        x.Clear();
        x.Set("a", 0.45);
        x.Set("b", 0.55);
        double inlier = detector.ScoreOne(x);
        x.Clear();
        x.Set("a", 0.95);
        x.Set("b", 0.02);
        Assert.True(detector.ScoreOne(x) > inlier + 0.3);
    }

    [Fact]
    public void LearnOne_FirstExampleWithoutFeatures_RejectedWithoutStateChange()
    {
        var detector = new HalfSpaceTrees(seed: 1);
        byte[] before = detector.SerializeState();
        Assert.Throws<InvalidFeatureException>(() => detector.LearnOne(new FeatureVector(new FeatureSchema())));
        Assert.Equal(before, detector.SerializeState());
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfSpaceTrees(nTrees: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfSpaceTrees(height: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfSpaceTrees(windowSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalfSpaceTrees(limits: new Dictionary<string, (double, double)> { ["x"] = (1.0, 0.0) }));
    }

    [Fact]
    public void ToString_Parameters_RiverRepr()
    {
        Assert.Equal("HalfSpaceTrees(n_trees=10, height=8, window_size=250, limits=None, seed=None)", new HalfSpaceTrees().ToString());
        Assert.Equal(
            "HalfSpaceTrees(n_trees=5, height=3, window_size=3, limits={'x': (0.0, 1.0)}, seed=42)",
            new HalfSpaceTrees(5, 3, 3, new Dictionary<string, (double, double)> { ["x"] = (0, 1) }, 42).ToString());
    }

    [Fact]
    public void Spec_HalfSpaceTrees_AnomalyKindScoredByRocAucOnly()
    {
        ModelSpec spec = ModelSpec.Parse("HalfSpaceTrees(n_trees=5, height=3, window_size=3, seed=42)");
        Assert.Equal(EstimatorKind.Anomaly, spec.Kind);
        Assert.Equal(new HalfSpaceTrees(5, 3, 3, seed: 42).ToString(), spec.BuildEstimator().ToString());
        Assert.Single(ModelSpec.FromExpression("HalfSpaceTrees", ["ROCAUC"]).Metrics);
        Assert.Throws<SpecException>(() => ModelSpec.FromExpression("HalfSpaceTrees", ["Accuracy"]));
        Assert.Throws<SpecException>(() => ModelSpec.Parse("HalfSpaceTrees(height=30)"));
    }

    /// <summary>River's docstring: three warm-up learns, then learn and score each value (the spec tests use it too).</summary>
    internal static double[] RunDocstring(HalfSpaceTrees detector)
    {
        var x = new FeatureVector(new FeatureSchema());
        foreach (double value in s_docstringStream[..3])
        {
            x.Clear();
            x.Set("x", value);
            detector.LearnOne(x);
        }

        var scores = new double[s_docstringStream.Length];
        for (int i = 0; i < s_docstringStream.Length; i++)
        {
            x.Clear();
            x.Set("x", s_docstringStream[i]);
            detector.LearnOne(x);
            scores[i] = detector.ScoreOne(x);
        }

        return scores;
    }
}
