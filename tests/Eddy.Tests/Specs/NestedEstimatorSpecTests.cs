using Eddy.Base;
using Eddy.Compose;
using Eddy.Linear;
using Eddy.Specs;

namespace Eddy.Tests.Specs;

// Ensembles and model trees take a whole model as a parameter (River's `model=`, `leaf_model=`).
public sealed class NestedEstimatorSpecTests
{
    private static readonly EstimatorCatalog s_catalog = EstimatorCatalog.CreateDefault()
        .Register("Wrap", [ParameterSpec.Required("model", ParameterType.Estimator)], a => a.GetClassifier("model"))
        .Register("WrapRegressor", [ParameterSpec.Estimator("leaf_model", "LinearRegression")], a => a.GetRegressor("leaf_model"));

    [Fact]
    public void ParseExpression_NestedPipeline_BuildsThePipelineAndPrintsItBack()
    {
        ModelSpec spec = s_catalog.ParseExpression("Wrap(model=StandardScaler() | LogisticRegression(l2=0.1))");

        Estimator built = spec.BuildEstimator();

        ClassifierPipeline pipeline = Assert.IsType<ClassifierPipeline>(built);
        Assert.Equal("Wrap(model=(StandardScaler | LogisticRegression(l2=0.1)))", spec.ToExpression());
        Assert.Equal(spec, s_catalog.ParseExpression(spec.ToExpression()));
        Assert.Equal(spec, s_catalog.ParseJson(spec.ToJson()));
        Assert.Contains("LogisticRegression", pipeline.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseExpression_SingleStepInParentheses_EqualsTheBareStep()
    {
        ModelSpec bare = s_catalog.ParseExpression("Wrap(LogisticRegression)");
        ModelSpec parenthesised = s_catalog.ParseExpression("Wrap(model=(LogisticRegression()))");

        Assert.Equal(bare, parenthesised);
        Assert.IsType<LogisticRegression>(bare.BuildEstimator());
        Assert.Equal("{\"pipeline\":[{\"Wrap\":{\"model\":\"LogisticRegression\"}}],\"metrics\":[]}", bare.ToJson());
    }

    [Fact]
    public void ParseJson_ArrayOfSteps_IsANestedPipeline()
    {
        ModelSpec spec = s_catalog.ParseJson(
            """{"pipeline": [{"Wrap": {"model": [{"StandardScaler": {}}, "LogisticRegression"]}}]}""");

        Assert.IsType<ClassifierPipeline>(spec.BuildEstimator());
        Assert.Equal("Wrap(model=(StandardScaler | LogisticRegression))", spec.ToExpression());
    }

    [Fact]
    public void Build_DefaultNestedModel_IsAFreshInstanceEachTime()
    {
        ModelSpec spec = s_catalog.ParseExpression("WrapRegressor");

        Estimator first = spec.BuildEstimator();
        Estimator second = spec.BuildEstimator();

        Assert.IsType<LinearRegression>(first);
        Assert.NotSame(first, second);
        Assert.Equal("WrapRegressor", spec.ToExpression());
    }

    [Theory]
    [InlineData("Wrap(model=LinearRegression())", "pipeline[0].Wrap.model", "must be a classifier")]
    [InlineData("Wrap(model=StandardScaler())", "pipeline[0].Wrap.model", "must be a classifier")]
    [InlineData("Wrap(model=LogisticRegression() | StandardScaler())", "pipeline[0].Wrap.model[0]", "not a transformer")]
    [InlineData("Wrap(model=LogisticRegresion())", "pipeline[0].Wrap.model[0]", "Unknown estimator")]
    [InlineData("Wrap(model=3)", "pipeline[0].Wrap.model", "expects an estimator or a pipeline")]
    [InlineData("Wrap", "pipeline[0].Wrap.model", "needs 'model'")]
    public void Parse_BadNestedModel_NamesThePath(string expression, string path, string message)
    {
        SpecException error = Assert.Throws<SpecException>(() => s_catalog.ParseExpression(expression));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJson_ListWithANumber_NamesTheItem()
    {
        SpecException error = Assert.Throws<SpecException>(() => s_catalog.ParseJson(
            """{"pipeline": [{"Wrap": {"model": ["LogisticRegression", 3]}}]}"""));

        Assert.Equal("pipeline[0].Wrap.model[1]", error.Path);
    }
}
