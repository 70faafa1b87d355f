using Eddy.Anomaly;
using Eddy.Specs;

namespace Eddy.Tests.Specs;

// HalfSpaceTrees' limits: River's dict of feature -> (min, max) in both spec forms.
public sealed class RangesSpecTests
{
    [Fact]
    public void ParseJson_Limits_LearnsAsTheDirectlyBuiltDetector()
    {
        ModelSpec spec = ModelSpec.FromJson(
            """{"pipeline": [{"HalfSpaceTrees": {"n_trees": 5, "height": 3, "window_size": 3, "limits": {"x": [-1, 2]}, "seed": 42}}]}""");
        var direct = new HalfSpaceTrees(5, 3, 3, new Dictionary<string, (double, double)> { ["x"] = (-1.0, 2.0) }, seed: 42);
        var unlimited = new HalfSpaceTrees(5, 3, 3, seed: 42);
        var built = Assert.IsType<HalfSpaceTrees>(spec.BuildEstimator());

        double[] scores = Anomaly.HalfSpaceTreesTests.RunDocstring(built);

        Assert.Equal(Anomaly.HalfSpaceTreesTests.RunDocstring(direct), scores);
        Assert.Equal(direct.SerializeState(), built.SerializeState());
        Assert.Equal(direct.ToString(), built.ToString());
        Anomaly.HalfSpaceTreesTests.RunDocstring(unlimited);
        Assert.NotEqual(unlimited.SerializeState(), built.SerializeState());
    }

    [Fact]
    public void ParseExpression_DictOfTuples_EqualsTheJsonForm()
    {
        ModelSpec expression = ModelSpec.Parse("HalfSpaceTrees(limits={'x': (-1, 2), \"y\": (0.5, 1e3)}, seed=1)");
        ModelSpec json = ModelSpec.FromJson("""{"pipeline": [{"HalfSpaceTrees": {"limits": {"x": [-1, 2], "y": [0.5, 1000]}, "seed": 1}}]}""");

        Assert.Equal(expression, json);
        Assert.Equal("HalfSpaceTrees(limits={'x': (-1.0, 2.0), 'y': (0.5, 1000.0)}, seed=1)", expression.ToExpression());
        Assert.Equal("""{"pipeline":[{"HalfSpaceTrees":{"limits":{"x":[-1.0,2.0],"y":[0.5,1000.0]},"seed":1}}],"metrics":[]}""", expression.ToJson());
        Assert.Equal(expression, ModelSpec.Parse(expression.ToExpression()));
        Assert.Equal(expression, ModelSpec.FromJson(expression.ToJson()));
        Assert.Equal(
            "HalfSpaceTrees(n_trees=10, height=8, window_size=250, limits={'x': (-1.0, 2.0), 'y': (0.5, 1000.0)}, seed=1)",
            expression.BuildEstimator().ToString());
    }

    [Fact]
    public void Parse_LimitsNone_IsTheDefault()
    {
        ModelSpec spec = ModelSpec.Parse("HalfSpaceTrees(limits=None, seed=1)");

        Assert.Equal("HalfSpaceTrees(limits=None, seed=1)", spec.ToExpression());
        Assert.Contains("limits=None", spec.BuildEstimator().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HalfSpaceTrees(limits={'x': (2, 1)})", "pipeline[0].HalfSpaceTrees.limits", "ordered")]
    [InlineData("HalfSpaceTrees(limits={'x': (0, 1, 2)})", "pipeline[0].HalfSpaceTrees.limits.x", "two numbers")]
    [InlineData("HalfSpaceTrees(limits={'x': ('a', 1)})", "pipeline[0].HalfSpaceTrees.limits.x", "two numbers")]
    [InlineData("HalfSpaceTrees(limits={'x': (0, 1), 'x': (0, 2)})", "pipeline[0].HalfSpaceTrees.limits.x", "twice")]
    [InlineData("HalfSpaceTrees(limits=[0, 1])", "pipeline[0].HalfSpaceTrees.limits", "expects a dict")]
    [InlineData("LogisticRegression(l2={'x': (0, 1)})", "pipeline[0].LogisticRegression.l2", "got a dict")]
    public void Parse_BadLimits_SpecExceptionNamesThePath(string expression, string path, string message)
    {
        SpecException error = Assert.Throws<SpecException>(() => ModelSpec.Parse(expression));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HalfSpaceTrees(limits={x: (0, 1)})", "string key")]
    [InlineData("HalfSpaceTrees(limits={'x' (0, 1)})", "Expected ':'")]
    [InlineData("HalfSpaceTrees(limits={'x': (0, 1)")]
    public void Parse_MalformedDict_SpecException(string expression, string? message = null)
    {
        SpecException error = Assert.Throws<SpecException>(() => ModelSpec.Parse(expression));

        Assert.Contains(message ?? "Expected", error.Message, StringComparison.Ordinal);
    }
}
