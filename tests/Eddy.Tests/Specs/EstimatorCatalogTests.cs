using Eddy.Anomaly;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Ensembles;
using Eddy.FeatureExtraction;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.NaiveBayes;
using Eddy.Neighbors;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;
using Eddy.Preprocessing;
using Eddy.Specs;
using Eddy.Stats;
using Eddy.Trees;

namespace Eddy.Tests.Specs;

public sealed class EstimatorCatalogTests
{
    /// <summary>Every built-in step with River's defaults, against the instance built directly.</summary>
    public static TheoryData<string, string> Estimators => new()
    {
        { "StandardScaler", new StandardScaler().ToString() },
        { "MinMaxScaler", new MinMaxScaler().ToString() },
        { "MaxAbsScaler", new MaxAbsScaler().ToString() },
        { "OneHotEncoder", new OneHotEncoder().ToString() },
        { "FeatureHasher", new FeatureHasher().ToString() },
        { "Select", new Select().ToString() },
        { "Discard", new Discard().ToString() },
        { "LinearRegression", new LinearRegression().ToString() },
        { "LogisticRegression", new LogisticRegression().ToString() },
        { "Perceptron", new Perceptron().ToString() },
        { "PAClassifier", new PAClassifier().ToString() },
        { "PARegressor", new PARegressor().ToString() },
        { "ALMAClassifier", new ALMAClassifier().ToString() },
        { "SoftmaxRegression", new SoftmaxRegression().ToString() },
        { "GaussianNB", new GaussianNB().ToString() },
        { "KNNClassifier", new KNNClassifier().ToString() },
        { "KNNRegressor", new KNNRegressor().ToString() },
        { "HalfSpaceTrees", new HalfSpaceTrees().ToString() },
        { "OneClassSVM", new OneClassSVM().ToString() },
        { "HoeffdingTreeClassifier", new HoeffdingTreeClassifier().ToString() },
        { "HoeffdingTreeRegressor", new HoeffdingTreeRegressor().ToString() },
        { "GaussianScorer", new GaussianScorer().ToString() },
        { "ARFClassifier", new ARFClassifier().ToString() },
        { "ARFRegressor", new ARFRegressor().ToString() },
        { "ExtremelyFastDecisionTreeClassifier", new ExtremelyFastDecisionTreeClassifier().ToString() },
        { "HoeffdingAdaptiveTreeClassifier", new HoeffdingAdaptiveTreeClassifier().ToString() },
        { "HoeffdingAdaptiveTreeRegressor", new HoeffdingAdaptiveTreeRegressor().ToString() },
        { "SRPClassifier", new SRPClassifier().ToString() },
        { "SRPRegressor", new SRPRegressor().ToString() },
    };

    /// <summary>Every wrapper of a nested model, with that model given and the other parameters at River's defaults.</summary>
    public static TheoryData<string, string, string> Ensembles => new()
    {
        { "BaggingClassifier", "BaggingClassifier(model=LogisticRegression)", new BaggingClassifier(new LogisticRegression()).ToString() },
        { "BaggingRegressor", "BaggingRegressor(model=LinearRegression)", new BaggingRegressor(new LinearRegression()).ToString() },
        { "ADWINBaggingClassifier", "ADWINBaggingClassifier(model=LogisticRegression)", new ADWINBaggingClassifier(new LogisticRegression()).ToString() },
        {
            "LeveragingBaggingClassifier", "LeveragingBaggingClassifier(model=LogisticRegression)",
            new LeveragingBaggingClassifier(new LogisticRegression()).ToString()
        },
        { "AdaBoostClassifier", "AdaBoostClassifier(model=LogisticRegression)", new AdaBoostClassifier(new LogisticRegression()).ToString() },
    };

    /// <summary>Agg, TargetAgg and every statistic, seen through the aggregate that holds it.</summary>
    public static TheoryData<string, string, string> Aggregates => new()
    {
        { "Agg", "Agg(on='v', by='k', how=Mean)", new Agg("v", ["k"], new Eddy.Stats.Mean()).ToString() },
        { "TargetAgg", "TargetAgg(by=None, how=Sum)", new TargetAgg(null, new Sum()).ToString() },
        { "DatetimeParts", "DatetimeParts('ts')", new DatetimeParts(["ts"]).ToString() },
        { "Mean", "Agg(on='v', by=None, how=Mean())", new Agg("v", null, new Eddy.Stats.Mean()).ToString() },
        { "Var", "Agg(on='v', by=None, how=Var)", new Agg("v", null, new Var()).ToString() },
        { "Count", "Agg(on='v', by=None, how=Count)", new Agg("v", null, new Count()).ToString() },
        { "Sum", "Agg(on='v', by=None, how=Sum)", new Agg("v", null, new Sum()).ToString() },
        { "Min", "Agg(on='v', by=None, how=Min)", new Agg("v", null, new Min()).ToString() },
        { "Max", "Agg(on='v', by=None, how=Max)", new Agg("v", null, new Max()).ToString() },
        { "BayesianMean", "Agg(on='v', by=None, how=BayesianMean(1, 2))", new Agg("v", null, new BayesianMean(1, 2)).ToString() },
    };

    [Theory]
    [MemberData(nameof(Aggregates))]
    public void Build_AggregateWithDefaults_PrintsLikeDirectInstance(string name, string expression, string expected)
    {
        Assert.Contains(name, expression, StringComparison.Ordinal);
        Assert.Equal(expected, ModelSpec.Parse(expression).BuildEstimator().ToString());
    }

    /// <summary>Every optimizer, scheduler and loss, seen through the model that holds it.</summary>
    public static TheoryData<string, string, string> Components => new()
    {
        { "SGD", "LogisticRegression(optimizer=SGD)", new LogisticRegression(new Sgd()).ToString() },
        { "Adam", "LogisticRegression(optimizer=Adam)", new LogisticRegression(new Adam()).ToString() },
        { "AdaGrad", "LogisticRegression(optimizer=AdaGrad())", new LogisticRegression(new AdaGrad()).ToString() },
        { "RMSProp", "LogisticRegression(optimizer=RMSProp)", new LogisticRegression(new RMSProp()).ToString() },
        { "FTRLProximal", "LogisticRegression(optimizer=FTRLProximal)", new LogisticRegression(new FtrlProximal()).ToString() },
        { "Constant", "LogisticRegression(intercept_lr=Constant(0.5))", new LogisticRegression(interceptLr: new ConstantScheduler(0.5)).ToString() },
        {
            "InverseScaling", "LogisticRegression(optimizer=SGD(InverseScaling(0.1)))",
            new LogisticRegression(new Sgd(new InverseScalingScheduler(0.1))).ToString()
        },
        {
            "Optimal", "LogisticRegression(optimizer=SGD(Optimal(Hinge)))",
            new LogisticRegression(new Sgd(new OptimalScheduler(new HingeLoss()))).ToString()
        },
        { "Log", "LogisticRegression(loss=Log)", new LogisticRegression(loss: new Eddy.Optim.Losses.LogLoss()).ToString() },
        { "Hinge", "LogisticRegression(loss=Hinge)", new LogisticRegression(loss: new HingeLoss()).ToString() },
        { "Squared", "LinearRegression(loss=Squared)", new LinearRegression(loss: new SquaredLoss()).ToString() },
        { "Absolute", "LinearRegression(loss=Absolute)", new LinearRegression(loss: new AbsoluteLoss()).ToString() },
        { "Huber", "LinearRegression(loss=Huber)", new LinearRegression(loss: new HuberLoss()).ToString() },
        { "CrossEntropy", "SoftmaxRegression(loss=CrossEntropy)", new SoftmaxRegression(loss: new CrossEntropyLoss()).ToString() },
    };

    /// <summary>Every metric with its defaults (a metric prints its value, so its type and parameters are compared).</summary>
    public static TheoryData<string, string, string> MetricCases => new()
    {
        { "Accuracy", "LogisticRegression", nameof(Accuracy) },
        { "BalancedAccuracy", "LogisticRegression", nameof(BalancedAccuracy) },
        { "CohenKappa", "LogisticRegression", nameof(CohenKappa) },
        { "MacroF1", "LogisticRegression", nameof(MacroF1) },
        { "MicroF1", "LogisticRegression", nameof(MicroF1) },
        { "WeightedF1", "LogisticRegression", nameof(WeightedF1) },
        { "ConfusionMatrix", "LogisticRegression", nameof(ConfusionMatrix) },
        { "F1", "LogisticRegression", nameof(F1) },
        { "FBeta(beta=2.0)", "LogisticRegression", nameof(FBeta) },
        { "Precision", "LogisticRegression", nameof(Precision) },
        { "Recall", "LogisticRegression", nameof(Recall) },
        { "MCC", "LogisticRegression", nameof(Mcc) },
        { "ROCAUC", "LogisticRegression", nameof(RocAuc) },
        { "LogLoss", "LogisticRegression", nameof(Eddy.Metrics.LogLoss) },
        { "CrossEntropy", "SoftmaxRegression", nameof(CrossEntropy) },
        { "MAE", "LinearRegression", nameof(Mae) },
        { "MSE", "LinearRegression", nameof(Mse) },
        { "RMSE", "LinearRegression", nameof(Rmse) },
        { "RMSLE", "LinearRegression", nameof(Rmsle) },
        { "R2", "LinearRegression", nameof(R2) },
        { "SMAPE", "LinearRegression", nameof(Smape) },
        { "Rolling(Accuracy, 100)", "LogisticRegression", nameof(RollingClassificationMetric) },
        { "TimeRolling(MAE, period=60)", "LinearRegression", nameof(TimeRollingRegressionMetric) },
    };

    [Theory]
    [MemberData(nameof(Estimators))]
    public void Build_EstimatorWithDefaults_PrintsLikeDirectInstance(string name, string expected)
    {
        ModelSpec spec = ModelSpec.Parse(name);

        Estimator built = spec.BuildEstimator();

        Assert.Equal(expected, built.ToString());
        Assert.Equal(expected, ModelSpec.Parse($"{{\"pipeline\": [{{\"{name}\": {{}}}}]}}").BuildEstimator().ToString());
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Build_ComponentWithDefaults_PrintsLikeDirectInstance(string name, string expression, string expected)
    {
        Assert.Contains(name, expression, StringComparison.Ordinal);
        Assert.Equal(expected, ModelSpec.Parse(expression).BuildEstimator().ToString());
    }

    [Theory]
    [MemberData(nameof(Ensembles))]
    public void Build_EnsembleWithDefaults_PrintsLikeDirectInstance(string name, string expression, string expected)
    {
        Assert.StartsWith(name + "(", expression, StringComparison.Ordinal);
        Assert.Equal(expected, ModelSpec.Parse(expression).BuildEstimator().ToString());
    }

    [Theory]
    [MemberData(nameof(MetricCases))]
    public void Build_MetricWithDefaults_IsTheRiverMetric(string metric, string model, string type)
    {
        BuiltModel built = ModelSpec.FromExpression(model, [metric]).Build();

        Assert.Equal(type, Assert.Single(built.Metrics).GetType().Name);
    }

    /// <summary>Every drift detector, built from its bare name: River's defaults.</summary>
    public static TheoryData<string, string> Detectors => new()
    {
        { "ADWIN", new Eddy.Drift.ADWIN().ToString() },
        { "PageHinkley", new Eddy.Drift.PageHinkley().ToString() },
        { "KSWIN", new Eddy.Drift.KSWIN(seed: 1).ToString() },
        { "DDM", new Eddy.Drift.Binary.DDM().ToString() },
        { "EDDM", new Eddy.Drift.Binary.EDDM().ToString() },
        { "HDDM_A", new Eddy.Drift.Binary.HDDM_A().ToString() },
        { "HDDM_W", new Eddy.Drift.Binary.HDDM_W().ToString() },
    };

    [Theory]
    [MemberData(nameof(Detectors))]
    public void ParseDetector_BareName_HasRiversDefaults(string name, string expected)
    {
        string text = name == "KSWIN" ? "KSWIN(seed=1)" : name;
        Assert.Equal(expected, EstimatorCatalog.Default.ParseDetector(text).ToString());
    }

    [Fact]
    public void Default_EveryEntry_IsCoveredByTheTables()
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> names = Estimators.Select(row => row.Data.Item1)
            .Concat(Components.Select(row => row.Data.Item1))
            .Concat(Ensembles.Select(row => row.Data.Item1))
            .Concat(Detectors.Select(row => row.Data.Item1))
            .Concat(Aggregates.Select(row => row.Data.Item1))
            .Concat(MetricCases.Select(row => row.Data.Item1))
            .Concat(TreeComponentSpecTests.Splitters.Select(row => row.Data.Item1));
        foreach (string name in names)
        {
            covered.Add(name.Split('(')[0]);
        }

        foreach (ComponentFamily family in Enum.GetValues<ComponentFamily>())
        {
            foreach (CatalogEntry entry in EstimatorCatalog.Default.Entries(family))
            {
                Assert.True(covered.Contains(entry.Name), $"{family} {entry.Name} has no test row.");
            }
        }
    }

    [Fact]
    public void Build_MetricDefaults_MatchRiver()
    {
        var metrics = ModelSpec.FromExpression("LogisticRegression", ["ROCAUC", "F1", "Rolling(MacroF1, window_size=7)"]).BuildMetrics();

        var auc = (RocAuc)metrics[0];
        Assert.Equal(10, auc.NThresholds);
        Assert.Equal(Label.True, auc.PosVal);
        Assert.Equal(Label.True, ((F1)metrics[1]).PosVal);
        var rolling = (RollingClassificationMetric)metrics[2];
        Assert.Equal(7, rolling.WindowSize);
        Assert.IsType<MacroF1>(rolling.Metric);
    }

    [Fact]
    public void Default_Register_IsRefused()
    {
        Assert.True(EstimatorCatalog.Default.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => EstimatorCatalog.Default.Register("Mine", [], _ => new StandardScaler()));
    }

    [Fact]
    public void Register_ExtraEstimator_ParsesBuildsAndPrints()
    {
        EstimatorCatalog catalog = EstimatorCatalog.CreateDefault()
            .Register("Scaled", [ParameterSpec.Boolean("with_std", false)], a => new StandardScaler(a.GetBoolean("with_std")));

        ModelSpec spec = catalog.Parse("Scaled | LogisticRegression");

        Assert.Equal("StandardScaler(with_std=False) | " + new LogisticRegression(), spec.BuildEstimator().ToString());
        Assert.Equal(EstimatorKind.Classifier, spec.Kind);
        Assert.Equal(spec, catalog.Parse(spec.ToJson()));
        SpecException unknown = Assert.Throws<SpecException>(() => ModelSpec.Parse("Scaled | LogisticRegression"));
        Assert.Equal("pipeline[0]", unknown.Path);
    }

    [Fact]
    public void Register_DuplicateOrBadName_Throws()
    {
        EstimatorCatalog catalog = EstimatorCatalog.CreateDefault();

        Assert.Throws<ArgumentException>(() => catalog.Register("standardscaler", [], _ => new StandardScaler()));
        Assert.Throws<ArgumentException>(() => catalog.Register("Not a name", [], _ => new StandardScaler()));
        Assert.Throws<ArgumentException>(() => catalog.Register(SpecNode.UnionName, [], _ => new StandardScaler()));
        Assert.Throws<ArgumentException>(() => catalog.Register("Twice", [ParameterSpec.Number("a", 1), ParameterSpec.Number("a", 2)], _ => new StandardScaler()));
    }

    [Fact]
    public void Register_FactoryRejectsValue_ReportedAtParameterPath()
    {
        EstimatorCatalog catalog = EstimatorCatalog.CreateDefault().Register(
            "Picky",
            [ParameterSpec.Integer("size", 1)],
            a => a.GetInt32("size") > 0 ? new MinMaxScaler() : throw new ArgumentOutOfRangeException("size", "Must be positive."));

        SpecException e = Assert.Throws<SpecException>(() => catalog.Parse("Picky(size=0) | LinearRegression"));

        Assert.Equal("pipeline[0].Picky.size", e.Path);
        Assert.Contains("Must be positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_CaseInsensitive_WrittenAsRegistered()
    {
        ModelSpec spec = ModelSpec.Parse("standardscaler | logisticregression(optimizer=adam)");

        Assert.Equal("StandardScaler | LogisticRegression(optimizer=Adam)", spec.ToExpression());
    }
}
