using System.Globalization;
using Eddy.Anomaly;
using Eddy.Base;
using Eddy.Specs;
using Eddy.Utils;

namespace Eddy.Tests.Anomaly;

public sealed class GaussianScorerTests
{
    private static readonly FeatureVector s_none = new(new FeatureSchema());

    [Fact]
    public void RiverDocstring_HundredGaussianTargets_PrintedScores()
    {
        var rng = new PythonRandom(42);
        var detector = new GaussianScorer();
        for (int i = 0; i < 100; i++)
        {
            detector.LearnOne(s_none, rng.Gauss(0, 1));
        }

        Assert.StartsWith("0.999477", Text(detector.ScoreOne(s_none, -3)));
        Assert.StartsWith("0.999153", Text(detector.ScoreOne(s_none, 3)));
        Assert.StartsWith("0.052665", Text(detector.ScoreOne(s_none, 0)));
        Assert.StartsWith("0.383717", Text(detector.ScoreOne(s_none, 0.5)));
    }

    [Fact]
    public void ScoreOne_WithinGracePeriod_Zero()
    {
        var detector = new GaussianScorer(gracePeriod: 3);
        detector.LearnOne(s_none, 1.0);
        detector.LearnOne(s_none, 2.0);
        Assert.Equal(0.0, detector.ScoreOne(s_none, 100.0));
        detector.LearnOne(s_none, 3.0);
        Assert.True(detector.ScoreOne(s_none, 100.0) > 0.99);
        Assert.Equal(0.0, detector.ScoreOne(s_none, 2.0));
    }

    [Fact]
    public void ScoreOne_ZeroSigma_OneAsRiversZeroDivision()
    {
        var detector = new GaussianScorer(gracePeriod: 0);
        detector.LearnOne(s_none, 5.0);
        detector.LearnOne(s_none, 5.0);
        Assert.Equal(0.0, detector.Sigma);

        // River's cdf catches the ZeroDivisionError and answers 0, so the score is 2·|0 − 0.5|, even at the mean.
        Assert.Equal(1.0, detector.ScoreOne(s_none, 5.0));
    }

    [Fact]
    public void LearnOne_Window_RevertsOldestFirst()
    {
        var windowed = new GaussianScorer(windowSize: 3, gracePeriod: 0);
        foreach (double y in new[] { 1.0, 2.0, 3.0, 4.0 })
        {
            windowed.LearnOne(s_none, y);
        }

        Assert.Equal(3.0, windowed.NSamples);
        Assert.Equal(3.0, windowed.Mu);
        Assert.Equal(1.0, windowed.Sigma);

        var copy = (GaussianScorer)windowed.Clone();
        windowed.LearnOne(s_none, 10.0);
        copy.LearnOne(s_none, 10.0);
        Assert.Equal(windowed.SerializeState(), copy.SerializeState());
        Assert.Equal(3.0, copy.NSamples);
        Assert.Equal(17.0 / 3, copy.Mu, 12);
    }

    [Fact]
    public void LearnOne_NonFiniteTarget_RejectedWithoutStateChange()
    {
        var detector = new GaussianScorer();
        detector.LearnOne(s_none, 1.0);
        byte[] before = detector.SerializeState();
        Assert.Throws<InvalidLabelException>(() => detector.LearnOne(s_none, double.NaN));
        Assert.Throws<InvalidLabelException>(() => detector.LearnOne(s_none, Label.None));
        Assert.Throws<InvalidLabelException>(() => detector.ScoreOne(s_none, double.PositiveInfinity));
        Assert.Throws<NonFiniteUpdateException>(() => detector.LearnOne(s_none, double.MaxValue));
        Assert.Equal(before, detector.SerializeState());
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianScorer(windowSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianScorer(gracePeriod: -1));
    }

    [Fact]
    public void ToString_Parameters_RiverRepr()
    {
        Assert.Equal("GaussianScorer(window_size=None, grace_period=100)", new GaussianScorer().ToString());
        Assert.Equal("GaussianScorer(window_size=50, grace_period=10)", new GaussianScorer(50, 10).ToString());
    }

    [Fact]
    public void Spec_GaussianScorer_SupervisedAnomalyKind()
    {
        ModelSpec spec = ModelSpec.Parse("GaussianScorer(window_size=50, grace_period=10)");
        Assert.Equal(EstimatorKind.SupervisedAnomaly, spec.Kind);
        Assert.Equal("GaussianScorer(window_size=50, grace_period=10)", spec.BuildEstimator().ToString());
        Assert.Throws<SpecException>(() => ModelSpec.Parse("GaussianScorer(window_size=0)"));
        Assert.Single(ModelSpec.FromExpression("GaussianScorer", ["ROCAUC"]).Metrics);
        Assert.Throws<SpecException>(() => ModelSpec.FromExpression("GaussianScorer", ["MAE"]));
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
