using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.NaiveBayes;
using Eddy.Preprocessing;
using Eddy.Tests.Support;

namespace Eddy.Tests.Evaluate;

/// <summary>
/// River's progressive-validation numbers (shared/reference/reference.json) for every row whose model is built in
/// the learning core, with River ≥ 0.19 pipeline semantics, to 1e-9 relative. Each (model, metric) pair gets a fresh
/// model, as the reference script did.
/// </summary>
public sealed class ReferenceParityTests
{
    private static readonly Dictionary<string, Func<Estimator>> s_models = new(StringComparer.Ordinal)
    {
        ["StandardScaler | LogisticRegression()"] = () => new StandardScaler() | new LogisticRegression(),
        ["LogisticRegression() (no scaler)"] = () => new LogisticRegression(),
        ["StandardScaler | Perceptron()"] = () => new StandardScaler() | new Perceptron(),
        ["StandardScaler | PAClassifier()"] = () => new StandardScaler() | new PAClassifier(),
        ["StandardScaler | ALMAClassifier()"] = () => new StandardScaler() | new ALMAClassifier(),
        ["GaussianNB()"] = () => new GaussianNB(),
        ["StandardScaler | LinearRegression()"] = () => new StandardScaler() | new LinearRegression(),
        ["StandardScaler | PARegressor()"] = () => new StandardScaler() | new PARegressor(),
        ["StandardScaler | SoftmaxRegression()"] = () => new StandardScaler() | new SoftmaxRegression(),
    };

    private static readonly Dictionary<string, Func<Metric>> s_metrics = new(StringComparer.Ordinal)
    {
        ["Accuracy"] = () => new Accuracy(),
        ["ROCAUC"] = () => new RocAuc(),
        ["LogLoss"] = () => new LogLoss(),
        ["F1"] = () => new F1(),
        ["MacroF1"] = () => new MacroF1(),
        ["MAE"] = () => new Mae(),
        ["RMSE"] = () => new Rmse(),
        ["R2"] = () => new R2(),
    };

    public static TheoryData<string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (JsonElement row in Reference.Root.GetProperty("rows").EnumerateArray())
        {
            string model = row.GetProperty("model").GetString()!;
            if (s_models.ContainsKey(model))
            {
                rows.Add(row.GetProperty("dataset").GetString()!, model, row.GetProperty("metric").GetString()!);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void ProgressiveValidation_ReferenceRow_MatchesRiver(string dataset, string model, string metric)
    {
        Dataset data = Load(dataset);
        Estimator estimator = s_models[model]();
        Metric scorer = s_metrics[metric]();
        Checkpoint result = estimator switch
        {
            Classifier classifier => ProgressiveValidation.Score(classifier, data, [(ClassificationMetric)scorer]),
            Regressor regressor => ProgressiveValidation.Score(regressor, data, [(RegressionMetric)scorer]),
            _ => throw new InvalidOperationException(model),
        };

        JsonElement row = Reference.Row(dataset, model, metric);
        Assert.Equal((long)row.GetProperty("n_updates").GetDouble(), result.Scored);
        Reference.AssertClose(Reference.Current(dataset, model, metric), result.Values[0], 1e-9, $"{model} {metric} on {dataset}");
    }

    [Fact]
    public void SeedPipeline_Phishing_RocAucIsRiversCurrentNumber()
    {
        // Bit for bit, not only to 1e-9: the summation orders of River's pipeline, regression and ROCAUC are all kept.
        Checkpoint result = ProgressiveValidation.Score(new StandardScaler() | new LogisticRegression(), RiverDatasets.Phishing(), [new RocAuc()]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.9506961340902946), BitConverter.DoubleToInt64Bits(result.Values[0]));
    }

    [Fact]
    public void IterProgressiveValScore_SeedPipeline_MatchesRiver022DocstringAtStep200()
    {
        // River 0.22's iter_progressive_val_score doctest prints ROCAUC 90.20% at step 200 for this pipeline.
        var metric = new RocAuc();
        Checkpoint at200 = ProgressiveValidation
            .Iterate(new StandardScaler() | new LogisticRegression(), RiverDatasets.Phishing(), [metric], step: 200)
            .First();
        Assert.Equal(200, at200.Step);
        Assert.Equal("90.20%", (at200.Values[0] * 100).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%");
    }

    internal static Dataset Load(string name) => name switch
    {
        "Phishing" => RiverDatasets.Phishing(),
        "TrumpApproval" => RiverDatasets.TrumpApproval(),
        "ImageSegments" => RiverDatasets.ImageSegments(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No loader."),
    };
}
