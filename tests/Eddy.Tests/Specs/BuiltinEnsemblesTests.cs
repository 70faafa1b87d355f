using Eddy.Base;
using Eddy.Compose;
using Eddy.Datasets;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Specs;

namespace Eddy.Tests.Specs;

public sealed class BuiltinEnsemblesTests
{
    [Fact]
    public void Parse_BaggingDocstring_BuildsRiversModelAndScore()
    {
        ModelSpec spec = ModelSpec.Parse("BaggingClassifier(model=StandardScaler() | LogisticRegression(), n_models=3, seed=42)");

        BaggingClassifier model = Assert.IsType<BaggingClassifier>(spec.BuildEstimator());
        Checkpoint result = ProgressiveValidation.Score(model, RiverDatasets.Phishing(), [new F1()]);

        Assert.Equal(EstimatorKind.Classifier, spec.Kind);
        Assert.IsType<ClassifierPipeline>(model.Model);
        Assert.Equal(3, model.NModels);
        Assert.Equal(42, model.Seed);
        Assert.InRange(result.Values[0], 0.87645, 0.87655);
        Assert.Equal("BaggingClassifier(model=(StandardScaler | LogisticRegression), n_models=3, seed=42)", spec.ToExpression());
        Assert.Equal(spec, ModelSpec.Parse(spec.ToExpression()));
        Assert.Equal(spec, ModelSpec.FromJson(spec.ToJson()));
    }

    [Fact]
    public void Parse_BaggingRegressorInAPipeline_IsARegressor()
    {
        ModelSpec spec = ModelSpec.Parse("StandardScaler | BaggingRegressor(model=LinearRegression(intercept_lr=0.1), n_models=3, seed=42)");

        RegressorPipeline pipeline = Assert.IsType<RegressorPipeline>(spec.BuildEstimator());

        Assert.Equal(EstimatorKind.Regressor, spec.Kind);
        Assert.IsType<BaggingRegressor>(pipeline.Final);
    }

    [Fact]
    public void Parse_LeveragingWithEveryParameter_PassesThemOn()
    {
        ModelSpec spec = ModelSpec.Parse(
            "LeveragingBaggingClassifier(model=LogisticRegression, n_models=4, w=3.0, adwin_delta=0.01, bagging_method='subag', seed=1)");

        var model = Assert.IsType<LeveragingBaggingClassifier>(spec.BuildEstimator());

        Assert.Equal(4, model.NModels);
        Assert.Equal(3.0, model.W);
        Assert.Equal(0.01, model.AdwinDelta);
        Assert.Equal(LeveragingBaggingMethod.Subag, model.BaggingMethod);
        Assert.Equal(1, model.Seed);
        Assert.All(model.DriftDetectors, d => Assert.Equal(0.01, d.Delta));
    }

    [Theory]
    [InlineData("ADWINBaggingClassifier(model=LogisticRegression)", typeof(ADWINBaggingClassifier))]
    [InlineData("AdaBoostClassifier(model=LogisticRegression, n_models=2)", typeof(AdaBoostClassifier))]
    public void Parse_OtherEnsembles_BuildTheirType(string expression, Type type)
    {
        Estimator built = ModelSpec.Parse(expression).BuildEstimator();

        Assert.IsType(type, built);
        Assert.Null(built switch { ADWINBaggingClassifier a => a.Seed, AdaBoostClassifier b => b.Seed, _ => 0L });
    }

    [Fact]
    public void Build_SeedNone_EachBuildDrawsItsOwnGenerator()
    {
        ModelSpec spec = ModelSpec.Parse("BaggingClassifier(model=LogisticRegression)");

        Assert.NotEqual(spec.BuildEstimator().SerializeState(), spec.BuildEstimator().SerializeState());
    }

    [Theory]
    [InlineData("BaggingClassifier", "pipeline[0].BaggingClassifier.model", "needs 'model'")]
    [InlineData("BaggingClassifier(model=LinearRegression())", "pipeline[0].BaggingClassifier.model", "must be a classifier")]
    [InlineData("BaggingRegressor(model=LogisticRegression())", "pipeline[0].BaggingRegressor.model", "must be a regressor")]
    [InlineData("BaggingClassifier(model=LogisticRegression, n_models=1)", "pipeline[0].BaggingClassifier", "n_models")]
    [InlineData("BaggingClassifier(model=LogisticRegression, n_models=100000)", "pipeline[0].BaggingClassifier.n_models", "")]
    [InlineData("LeveragingBaggingClassifier(model=LogisticRegression, bagging_method='boost')", "pipeline[0].LeveragingBaggingClassifier", "bagging_method")]
    public void Parse_BadEnsemble_NamesThePath(string expression, string path, string message)
    {
        SpecException error = Assert.Throws<SpecException>(() => ModelSpec.Parse(expression).BuildEstimator());

        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
