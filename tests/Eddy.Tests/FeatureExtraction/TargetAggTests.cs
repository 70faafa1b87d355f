using Eddy.Base;
using Eddy.Compose;
using Eddy.FeatureExtraction;
using Eddy.Linear;
using Eddy.NaiveBayes;
using Eddy.Specs;
using Eddy.Stats;

namespace Eddy.Tests.FeatureExtraction;

public sealed class TargetAggTests
{
    private static readonly (string Country, string Place, double Revenue)[] Rows = AggTests.Rows;

    private static double TransformValue(TargetAgg agg, FeatureVector x)
    {
        var output = new FeatureVector(x.Schema) { Interning = false };
        agg.TransformOne(x, output);
        Assert.Equal(1, output.Count);
        Assert.Equal(agg.FeatureName, output.NameOf(output.IndexAt(0)));
        return output.ValueAt(0);
    }

    [Theory]
    [InlineData(new[] { "place" }, "y_bayes_mean_by_place", new[] { 3.0, 3.0, 9.5, 22.5, 14.333, 34.333, 15.75, 38.25 })]
    [InlineData(new[] { "place", "country" }, "y_bayes_mean_by_place_and_country", new[] { 3.0, 3.0, 3.0, 3.0, 9.5, 22.5, 13.5, 30.5 })]
    public void TransformThenLearn_BayesianMean_MatchesRiverDocstring(string[] by, string name, double[] expected)
    {
        var agg = new TargetAgg(by, new BayesianMean(prior: 3, priorWeight: 1));
        var x = new FeatureVector(new FeatureSchema());

        for (int row = 0; row < Rows.Length; row++)
        {
            AggTests.Fill(x, row, withRevenue: false);
            Assert.Equal(expected[row], TransformValue(agg, x), 3);
            agg.LearnOne(x, Rows[row].Revenue);
        }

        Assert.Equal(name, agg.FeatureName);
    }

    [Fact]
    public void State_AfterDocstring_MatchesRiverState()
    {
        // River: agg.state → Taco Bell/France 31.666667, Burger King/Sweden 13.0, Burger King/France 12.333333, Taco Bell/Sweden 47.0.
        var agg = new TargetAgg(["place", "country"], new BayesianMean(3, 1));
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < Rows.Length; row++)
        {
            AggTests.Fill(x, row, withRevenue: false);
            agg.LearnOne(x, Rows[row].Revenue);
        }

        (string Place, string Country, double Value)[] state =
            [("Taco Bell", "France", 31.666667), ("Burger King", "Sweden", 13.0), ("Burger King", "France", 12.333333), ("Taco Bell", "Sweden", 47.0)];
        foreach ((string place, string country, double value) in state)
        {
            x.Clear();
            x.SetCategorical("place", place);
            x.SetCategorical("country", country);
            Assert.Equal(value, TransformValue(agg, x), 6);
        }

        Assert.Equal(4, agg.GroupCount);
    }

    [Fact]
    public void PipelineLearn_TransformsBeforeLearningTheTarget()
    {
        // In a pipeline the regressor must see the statistic of the targets before this row (no target leakage):
        // on the first row that is the prior alone, so LinearRegression's first update uses x = 3.0.
        var agg = new TargetAgg(["place"], new BayesianMean(3, 1));
        var pipeline = agg | new LinearRegression();
        var reference = new LinearRegression();
        var x = new FeatureVector(new FeatureSchema());
        AggTests.Fill(x, 0, withRevenue: false);
        pipeline.LearnOne(x, 42.0);

        var encoded = new FeatureVector(x.Schema);
        encoded.Set("y_bayes_mean_by_place", 3.0);
        reference.LearnOne(encoded, 42.0);
        Assert.Equal(reference.SerializeState(), ((LinearRegression)pipeline.Final).SerializeState());
        Assert.Equal(1, agg.GroupCount);
        Assert.Equal(22.5, TransformValue(agg, x));
    }

    [Fact]
    public void PipelineLearn_StringClass_RejectedBeforeAnyStepLearns()
    {
        ClassifierPipeline pipeline = new Agg("revenue", ["place"], new Count()) + new TargetAgg(["place"], new Mean()) | new GaussianNB();
        var x = new FeatureVector(new FeatureSchema());
        AggTests.Fill(x, 0);
        byte[] before = pipeline.SerializeState();

        Assert.Throws<InvalidLabelException>(() => pipeline.LearnOne(x, "spam"));
        Assert.Equal(before, pipeline.SerializeState());

        pipeline.LearnOne(x, true);
        Assert.NotEqual(before, pipeline.SerializeState());
    }

    [Fact]
    public void LearnOne_BadTarget_RejectedWithoutStateChange()
    {
        var agg = new TargetAgg(["place"], new Mean());
        var x = new FeatureVector(new FeatureSchema());
        AggTests.Fill(x, 0);
        agg.LearnOne(x, 1.0);
        byte[] before = agg.SerializeState();

        Assert.Throws<InvalidLabelException>(() => agg.LearnOne(x, Label.None));
        Assert.Throws<InvalidLabelException>(() => agg.LearnOne(x, "high"));
        Assert.Throws<InvalidLabelException>(() => agg.LearnOne(x, double.PositiveInfinity));
        ((Transformer)agg).LearnOne(x);
        Assert.Equal(before, agg.SerializeState());

        agg.LearnOne(x, true);
        Assert.Equal(1.0, TransformValue(agg, x));
    }

    [Theory]
    [InlineData("TargetAgg(by='place', how=BayesianMean(prior=3, prior_weight=1))", "TargetAgg(by=['place'], how=BayesianMean(prior=3.0, prior_weight=1.0), target_name='y')")]
    [InlineData("TargetAgg(['place', 'country'], Mean, target_name='revenue') | LinearRegression", "TargetAgg(by=['place', 'country'], how=Mean(), target_name='revenue')")]
    public void Spec_Expression_BuildsTargetAgg(string text, string repr)
    {
        ModelSpec spec = ModelSpec.Parse(text);
        Assert.StartsWith(repr, spec.BuildEstimator().ToString(), StringComparison.Ordinal);
        Assert.Equal(spec, ModelSpec.Parse(spec.ToExpression()));
        Assert.Equal(spec, ModelSpec.FromJson(spec.ToJson()));
    }
}
