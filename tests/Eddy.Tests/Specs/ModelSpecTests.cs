using Eddy.Base;
using Eddy.Compose;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Optim;
using Eddy.Optim.Schedulers;
using Eddy.Preprocessing;
using Eddy.Specs;
using Eddy.Tests.Support;

namespace Eddy.Tests.Specs;

public sealed class ModelSpecTests
{
    public static TheoryData<string, string> Equivalent => new()
    {
        {
            "StandardScaler | LogisticRegression(l2=0.0)",
            """{"pipeline": [{"StandardScaler": {}}, {"LogisticRegression": {"l2": 0}}]}"""
        },
        {
            "preprocessing.StandardScaler() | linear_model.LogisticRegression(optimizer=optim.SGD(0.1), l2=0.0)",
            """{"pipeline": [{"StandardScaler": null}, {"LogisticRegression": {"l2": 0.0, "optimizer": {"SGD": {"lr": 0.1}}}}]}"""
        },
        {
            "LinearRegression(optimizer=\"Adam\", intercept_lr=optim.schedulers.Constant(learning_rate=0.5))",
            """{"pipeline": [{"LinearRegression": {"optimizer": "Adam", "intercept_lr": 0.5}}]}"""
        },
        {
            "LogisticRegression(loss=Log(weight_pos=2), optimizer=SGD(lr=InverseScaling(0.1, power=0.25)))",
            """{"pipeline": [{"LogisticRegression": {"optimizer": {"SGD": {"lr": {"InverseScaling": {"learning_rate": 0.1, "power": 0.25}}}}, "loss": {"Log": {"weight_pos": 2.0}}}}]}"""
        },
        {
            "(Select('a', \"b\") | StandardScaler) + OneHotEncoder | LogisticRegression",
            """{"pipeline": [{"TransformerUnion": [[{"Select": {"keys": ["a", "b"]}}, {"StandardScaler": {}}], {"OneHotEncoder": {}}]}, {"LogisticRegression": {}}]}"""
        },
        {
            "Discard(['x']) + (MinMaxScaler + MaxAbsScaler) | PARegressor(C=0.5, mode=2)",
            """{"pipeline": [{"TransformerUnion": [{"Discard": {"keys": ["x"]}}, {"TransformerUnion": ["MinMaxScaler", "MaxAbsScaler"]}]}, {"PARegressor": {"C": 0.5, "mode": 2}}]}"""
        },
        {
            "FeatureHasher(n_features=16, seed=None) | GaussianNB",
            """{"pipeline": [{"FeatureHasher": {"n_features": 16.0, "seed": null}}, "GaussianNB"]}"""
        },
    };

    public static TheoryData<string> Expressions => new()
    {
        "StandardScaler",
        "StandardScaler(with_std=False) | LogisticRegression(optimizer=Adam(lr=0.01, beta_1=0.8), l2=0.001, clip_gradient=10.0)",
        "(Select('a', 'it\\'s') | StandardScaler) + OneHotEncoder(drop_zeros=True) + Discard('a') | SoftmaxRegression",
        "LogisticRegression(optimizer=SGD(Optimal(Hinge(threshold=0.5), alpha=1e-05)), loss=Hinge)",
        "FeatureHasher(n_features=1024, seed=7) | LinearRegression(loss=Huber(epsilon=0.5), l1=0.1, intercept_init=-1.5)",
        "ALMAClassifier(p=3, B=2.0, C=1e+20)",
        "Select('tab\\there', \"quote'\", 'back\\\\slash') | Perceptron(l2=1e-300)",
    };

    [Theory]
    [MemberData(nameof(Equivalent))]
    public void Parse_ExpressionAndJson_AreEqual(string expression, string json)
    {
        ModelSpec fromExpression = ModelSpec.FromExpression(expression);
        ModelSpec fromJson = ModelSpec.FromJson(json);

        Assert.Equal(fromExpression, fromJson);
        Assert.Equal(fromExpression.GetHashCode(), fromJson.GetHashCode());
        Assert.Equal(fromExpression.ToJson(), fromJson.ToJson());
        Assert.Equal(fromExpression.BuildEstimator().ToString(), fromJson.BuildEstimator().ToString());
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    [MemberData(nameof(EquivalentExpressions))]
    public void ToJsonAndToExpression_RoundTrip(string expression)
    {
        string[] metrics = ModelSpec.FromExpression(expression).Kind == EstimatorKind.Classifier
            ? ["ROCAUC(n_thresholds=20, pos_val='yes')", "Rolling(Accuracy, 10)"]
            : [];
        ModelSpec spec = ModelSpec.FromExpression(expression, metrics);

        Assert.Equal(spec, ModelSpec.Parse(spec.ToJson()));
        Assert.Equal(spec, ModelSpec.FromJson(spec.ToJson(indented: true)));
        Assert.Equal(spec, ModelSpec.FromExpression(spec.ToExpression(), spec.MetricExpressions()));
        Assert.Equal(spec.ToExpression(), ModelSpec.Parse(spec.ToExpression()).ToExpression());
    }

    public static TheoryData<string> EquivalentExpressions => [.. Equivalent.Select(row => row.Data.Item1)];

    [Fact]
    public void ToJson_DesignExample_IsCanonical()
    {
        ModelSpec spec = ModelSpec.FromExpression("StandardScaler | LogisticRegression(l2=0)", ["ROCAUC", "Accuracy"]);

        Assert.Equal("""{"pipeline":[{"StandardScaler":{}},{"LogisticRegression":{"l2":0.0}}],"metrics":["ROCAUC","Accuracy"]}""", spec.ToJson());
        Assert.Equal("StandardScaler | LogisticRegression(l2=0.0)", spec.ToExpression());
        Assert.Equal(spec.ToJson(), spec.ToString());
    }

    [Fact]
    public void Build_Parameters_MapToConstructorArguments()
    {
        string expression = "StandardScaler(with_std=False) | LogisticRegression(SGD(0.1), Hinge(2), 0.5, "
            + "intercept_init=0.25, intercept_lr=InverseScaling(0.2, 0.75), clip_gradient=3)";
        var direct = new StandardScaler(withStd: false) | new LogisticRegression(
            new Sgd(0.1), new Eddy.Optim.Losses.HingeLoss(2), l2: 0.5, interceptInit: 0.25, interceptLr: new InverseScalingScheduler(0.2, 0.75), clipGradient: 3);

        Assert.Equal(direct.ToString(), ModelSpec.Parse(expression).BuildEstimator().ToString());
    }

    [Fact]
    public void Build_MetricParameters_MapToConstructorArguments()
    {
        IReadOnlyList<Metric> metrics = ModelSpec.FromExpression(
            "LogisticRegression",
            ["ROCAUC(n_thresholds=20, pos_val='yes'), F1(pos_val=1)", """{"FBeta": {"beta": 0.5, "pos_val": false}}""", "Rolling(metric=LogLoss, window_size=5)"])
            .BuildMetrics();

        var auc = (RocAuc)metrics[0];
        Assert.Equal(20, auc.NThresholds);
        Assert.Equal(Label.FromText("yes"), auc.PosVal);
        Assert.Equal(Label.FromInteger(1), ((F1)metrics[1]).PosVal);
        var fBeta = (FBeta)metrics[2];
        Assert.Equal(0.5, fBeta.Beta);
        Assert.Equal(Label.False, fBeta.PosVal);
        Assert.Equal(5, ((RollingClassificationMetric)metrics[3]).WindowSize);
    }

    [Fact]
    public void Build_Union_MatchesOperators()
    {
        ModelSpec spec = ModelSpec.Parse("(Select('a', 'b') | StandardScaler) + OneHotEncoder | LogisticRegression");
        ClassifierPipeline direct = ((new Select("a", "b") | new StandardScaler()) + new OneHotEncoder()) | new LogisticRegression();

        Estimator built = spec.BuildEstimator();

        Assert.Equal(direct.ToString(), built.ToString());
        TransformerUnion union = Assert.IsType<TransformerUnion>(Assert.IsType<ClassifierPipeline>(built).Steps[0]);
        Assert.Equal(2, union.Transformers.Count);
        Assert.IsType<TransformerPipeline>(union.Transformers[0]);
    }

    [Fact]
    public void Parse_PlusBindsTighterThanPipe()
    {
        ModelSpec spec = ModelSpec.Parse("Select('a') | StandardScaler + MinMaxScaler | LinearRegression");

        Assert.Equal(3, spec.Pipeline.Count);
        Assert.True(spec.Pipeline[1].IsUnion);
        Assert.Equal(EstimatorKind.Regressor, spec.Kind);
        Assert.Equal("Select('a') | StandardScaler + MinMaxScaler | LinearRegression", spec.ToExpression());
    }

    [Fact]
    public void Kind_FollowsTheLastStep()
    {
        Assert.Equal(EstimatorKind.Classifier, ModelSpec.Parse("GaussianNB").Kind);
        Assert.Equal(EstimatorKind.Regressor, ModelSpec.Parse("StandardScaler | PARegressor").Kind);
        Assert.Equal(EstimatorKind.Transformer, ModelSpec.Parse("StandardScaler | MinMaxScaler").Kind);
        Assert.IsType<TransformerPipeline>(ModelSpec.Parse("StandardScaler | MinMaxScaler").BuildEstimator());
    }

    [Fact]
    public void Build_TwoCalls_GiveIndependentFreshInstances()
    {
        ModelSpec spec = ModelSpec.FromExpression("StandardScaler | LogisticRegression(optimizer=Adam)", ["Accuracy"]);
        BuiltModel first = spec.Build();
        BuiltModel second = spec.Build();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        x.Set("a", 1.0);

        ((Classifier)first.Estimator).LearnOne(x, Label.True);

        Assert.NotSame(first.Estimator, second.Estimator);
        Assert.NotSame(first.Metrics[0], second.Metrics[0]);
        Assert.Equal(first.Estimator.CloneFresh().SerializeState(), second.Estimator.SerializeState());
        Assert.NotEqual(first.Estimator.SerializeState(), second.Estimator.SerializeState());
        Assert.Equal(EstimatorKind.Classifier, first.Kind);
        Assert.Single(first.ClassificationMetrics);
        Assert.Empty(first.RegressionMetrics);
    }

    [Fact]
    public void WithMetrics_ReplacesMetricsAndKeepsModel()
    {
        ModelSpec spec = ModelSpec.FromJson("""{"pipeline": ["LinearRegression"], "metrics": ["MAE"]}""");

        ModelSpec other = spec.WithMetrics(["RMSE, R2"]);

        Assert.Equal(spec.Pipeline, other.Pipeline);
        Assert.Equal(["RMSE", "R2"], other.MetricExpressions());
        Assert.NotEqual(spec, other);
    }

    [Fact]
    public void MetricDefaults_ApplyToTheirTask()
    {
        Assert.Equal(4, ModelSpec.Parse("LogisticRegression").WithMetrics(MetricDefaults.For(TaskKind.BinaryClassification)).Metrics.Count);
        Assert.Equal(2, ModelSpec.Parse("SoftmaxRegression").WithMetrics(MetricDefaults.For(TaskKind.MultiClassClassification)).Metrics.Count);
        Assert.Equal(3, ModelSpec.Parse("LinearRegression").WithMetrics(MetricDefaults.For(TaskKind.Regression)).Metrics.Count);
        Assert.Single(ModelSpec.Parse("LinearRegression").WithMetrics(MetricDefaults.For(EstimatorKind.Regressor)).Metrics);
    }

    [Fact]
    public void ProgressiveValidation_SeedSpecOnPhishing_IsRiversRocAuc()
    {
        BuiltModel built = ModelSpec.FromJson("""{"pipeline": [{"StandardScaler": {}}, {"LogisticRegression": {}}], "metrics": ["ROCAUC"]}""").Build();

        Checkpoint result = ProgressiveValidation.Score((Classifier)built.Estimator, RiverDatasets.Phishing(), built.ClassificationMetrics);

        double expected = Reference.Current("Phishing", "StandardScaler | LogisticRegression()", "ROCAUC");
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(result.Values[0]));
    }
}
