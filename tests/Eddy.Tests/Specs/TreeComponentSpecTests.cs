using Eddy.Base;
using Eddy.Ensembles;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Optim.Schedulers;
using Eddy.Specs;
using Eddy.Trees;
using Eddy.Trees.Splitters;

namespace Eddy.Tests.Specs;

// Trees and forests take River's objects as parameters: splitter=, leaf_model=, metric= (and the detectors).
public sealed class TreeComponentSpecTests
{
    [Fact]
    public void ParseExpression_NestedSplitter_BuildsRiversReprAndRoundTrips()
    {
        ModelSpec spec = ModelSpec.Parse("HoeffdingTreeClassifier(grace_period=50, splitter=tree.splitter.GaussianSplitter(n_splits=5))");

        string repr = spec.BuildEstimator().ToString()!;

        Assert.Equal(new HoeffdingTreeClassifier(gracePeriod: 50, splitter: new GaussianSplitter(nSplits: 5)).ToString(), repr);
        Assert.Contains("splitter=GaussianSplitter(n_splits=5),", repr, StringComparison.Ordinal);
        Assert.Equal("HoeffdingTreeClassifier(grace_period=50, splitter=GaussianSplitter(n_splits=5))", spec.ToExpression());
        Assert.Equal(
            """{"pipeline":[{"HoeffdingTreeClassifier":{"grace_period":50,"splitter":{"GaussianSplitter":{"n_splits":5}}}}],"metrics":[]}""",
            spec.ToJson());
        Assert.Equal(spec, ModelSpec.Parse(spec.ToExpression()));
        Assert.Equal(spec, ModelSpec.FromJson(spec.ToJson()));
    }

    [Fact]
    public void ParseJson_NestedSplitterAndLeafModel_EqualsTheExpressionForm()
    {
        ModelSpec json = ModelSpec.FromJson(
            """{"pipeline": [{"HoeffdingTreeRegressor": {"leaf_model": {"LinearRegression": {"l2": 0.1}}, "splitter": "EBSTSplitter"}}]}""");
        ModelSpec expression = ModelSpec.Parse("HoeffdingTreeRegressor(leaf_model=LinearRegression(l2=0.1), splitter=EBSTSplitter())");

        Assert.Equal(expression, json);
        Assert.Equal("HoeffdingTreeRegressor(leaf_model=LinearRegression(l2=0.1), splitter=EBSTSplitter)", json.ToExpression());
        var direct = new HoeffdingTreeRegressor(leafModel: new LinearRegression(l2: 0.1), splitter: new EBSTSplitter());
        Assert.Equal(direct.ToString(), json.BuildEstimator().ToString());
        Assert.Contains("leaf_model=LinearRegression(", direct.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HoeffdingTreeClassifier", "GaussianSplitter(n_splits=10)")]
    [InlineData("HoeffdingAdaptiveTreeClassifier(seed=1)", "GaussianSplitter(n_splits=10)")]
    [InlineData("ExtremelyFastDecisionTreeClassifier", "GaussianSplitter(n_splits=10)")]
    [InlineData("HoeffdingTreeRegressor", "TEBSTSplitter(digits=1)")]
    [InlineData("HoeffdingAdaptiveTreeRegressor(seed=1)", "TEBSTSplitter(digits=1)")]
    public void Build_DefaultSplitter_IsRiversDefault(string expression, string splitter)
    {
        ModelSpec spec = ModelSpec.Parse(expression);

        Assert.Contains($"splitter={splitter},", spec.BuildEstimator().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("splitter", spec.ToExpression(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TreeWithNestedSplitter_LearnsAsTheDirectTree()
    {
        var direct = new HoeffdingAdaptiveTreeRegressor(
            gracePeriod: 20, leafModel: new LinearRegression(interceptLr: new ConstantScheduler(0.05)), splitter: new TEBSTSplitter(digits: 2), seed: 7);
        Estimator built = ModelSpec.Parse(
            "HoeffdingAdaptiveTreeRegressor(grace_period=20, leaf_model=LinearRegression(intercept_lr=0.05), splitter=TEBSTSplitter(digits=2), seed=7)")
            .BuildEstimator();
        var spec = Assert.IsType<HoeffdingAdaptiveTreeRegressor>(built);
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var random = new Random(3);
        for (int i = 0; i < 300; i++)
        {
            x.Clear();
            double a = random.NextDouble();
            double b = random.NextDouble();
            x.Set("a", a);
            x.Set("b", b);
            direct.LearnOne(x, (3 * a) - b + (a > 0.5 ? 2 : 0));
            spec.LearnOne(x, (3 * a) - b + (a > 0.5 ? 2 : 0));
        }

        Assert.Equal(direct.ToString(), spec.ToString());
        Assert.Equal(direct.SerializeState(), spec.SerializeState());
    }

    [Fact]
    public void Build_ForestsWithMetricSplitterAndLeafModel_ReprNamesThem()
    {
        Estimator classifier = ModelSpec.Parse(
            "ARFClassifier(n_models=3, metric=MacroF1(), splitter=GaussianSplitter(n_splits=4), drift_detector=ADWIN(delta=0.01), seed=1)")
            .BuildEstimator();
        Estimator regressor = ModelSpec.FromJson(
            """{"pipeline": [{"ARFRegressor": {"n_models": 3, "metric": "MAE", "leaf_model": {"LinearRegression": {"l2": 0.5}}, "splitter": {"TEBSTSplitter": {"digits": 3}}, "seed": 1}}]}""")
            .BuildEstimator();

        Assert.Equal(
            new ARFClassifier(nModels: 3, metric: new MacroF1(), driftDetector: new Eddy.Drift.ADWIN(delta: 0.01), splitter: new GaussianSplitter(4), seed: 1).ToString(),
            classifier.ToString());
        Assert.Contains("metric=MacroF1", classifier.ToString(), StringComparison.Ordinal);
        Assert.Contains("splitter=GaussianSplitter(n_splits=4)", classifier.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            new ARFRegressor(nModels: 3, metric: new Mae(), leafModel: new LinearRegression(l2: 0.5), splitter: new TEBSTSplitter(3), seed: 1).ToString(),
            regressor.ToString());
        Assert.Contains("metric=MAE", regressor.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SrpWithMetric_UsesIt()
    {
        ModelSpec spec = ModelSpec.Parse("SRPRegressor(model=HoeffdingTreeRegressor(grace_period=10), n_models=3, seed=2, metric=RMSE())");

        Assert.Contains("metric=RMSE", spec.BuildEstimator().ToString(), StringComparison.Ordinal);
        Assert.Equal(spec, ModelSpec.FromJson(spec.ToJson()));
        Assert.Contains("metric=Accuracy", ModelSpec.Parse("SRPClassifier(n_models=2, seed=1)").BuildEstimator().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HoeffdingTreeClassifier(splitter=TEBSTSplitter())", "pipeline[0].HoeffdingTreeClassifier.splitter", "classification")]
    [InlineData("HoeffdingTreeRegressor(splitter=GaussianSplitter)", "pipeline[0].HoeffdingTreeRegressor.splitter", "regression")]
    [InlineData("HoeffdingTreeClassifier(splitter=ADWIN())", "pipeline[0].HoeffdingTreeClassifier.splitter", "Unknown splitter")]
    [InlineData("HoeffdingTreeClassifier(splitter=3)", "pipeline[0].HoeffdingTreeClassifier.splitter", "expects a splitter")]
    [InlineData("HoeffdingTreeClassifier(splitter=GaussianSplitter(n_splits=0))", "pipeline[0].HoeffdingTreeClassifier.splitter.GaussianSplitter.n_splits", "n_splits")]
    [InlineData("HoeffdingTreeRegressor(leaf_model=LogisticRegression())", "pipeline[0].HoeffdingTreeRegressor.leaf_model", "must be a regressor")]
    [InlineData("ARFRegressor(leaf_model=GaussianSplitter())", "pipeline[0].ARFRegressor.leaf_model[0]", "Unknown estimator")]
    [InlineData("ARFClassifier(metric=MAE())", "pipeline[0].ARFClassifier.metric", "multi-class metric")]
    [InlineData("ARFClassifier(metric=F1())", "pipeline[0].ARFClassifier.metric", "multi-class metric")]
    [InlineData("ARFRegressor(metric=Accuracy())", "pipeline[0].ARFRegressor.metric", "regression metric")]
    [InlineData("SRPClassifier(metric=ROCAUC())", "pipeline[0].SRPClassifier.metric", "probabilities")]
    [InlineData("SRPRegressor(metric=LogisticRegression())", "pipeline[0].SRPRegressor.metric", "Unknown metric")]
    [InlineData("ARFClassifier(drift_detector=GaussianSplitter())", "pipeline[0].ARFClassifier.drift_detector", "Unknown drift detector")]
    public void Parse_WrongNestedKind_SpecExceptionNamesTheParameter(string expression, string path, string message)
    {
        SpecException error = Assert.Throws<SpecException>(() => ModelSpec.Parse(expression));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJson_WrongNestedKind_SpecException()
    {
        SpecException error = Assert.Throws<SpecException>(() => ModelSpec.FromJson(
            """{"pipeline": [{"HoeffdingTreeClassifier": {"splitter": {"x": [0, 1]}}}]}"""));

        Assert.Equal("pipeline[0].HoeffdingTreeClassifier.splitter", error.Path);
        Assert.Contains("expects a splitter, got a dict", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every splitter, by its bare name, in a tree of its task: River's defaults.</summary>
    public static TheoryData<string, string, string> Splitters => new()
    {
        { "GaussianSplitter", "HoeffdingTreeClassifier", new GaussianSplitter().ToString() },
        { "EBSTSplitter", "HoeffdingTreeRegressor", new EBSTSplitter().ToString() },
        { "TEBSTSplitter", "HoeffdingTreeRegressor", new TEBSTSplitter().ToString() },
    };

    [Theory]
    [MemberData(nameof(Splitters))]
    public void Build_BareSplitterName_HasRiversDefaults(string name, string tree, string expected)
    {
        Estimator built = ModelSpec.Parse($"{tree}(splitter={name})").BuildEstimator();

        Assert.Contains($"splitter={expected},", built.ToString(), StringComparison.Ordinal);
        Assert.Equal(["GaussianSplitter", "EBSTSplitter", "TEBSTSplitter"], EstimatorCatalog.Default.Names(ComponentFamily.Splitter));
    }
}
