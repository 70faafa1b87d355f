using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Eddy.Tests.Support;

namespace Eddy.Tests.Evaluate;

/// <summary>
/// River's seed trace checkpoints were recorded with River 0.12.1, whose pipeline let the scaler learn an example
/// before predicting it. Driving the two estimators in that order reproduces the trace step by step; the
/// pipeline itself (≥ 0.19) is checked against the current numbers in <see cref="ReferenceParityTests"/>.
/// </summary>
public sealed class SeedCheckpointTests
{
    [Fact]
    public void SeedTrace_River0121Order_EveryCheckpointMatches()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var scaled = new FeatureVector(schema);
        var scaler = new StandardScaler();
        var model = new LogisticRegression();
        var probabilities = new ClassProbabilities();
        var rocAuc = new RocAuc();
        var accuracy = new Accuracy();
        var logLoss = new LogLoss();
        var values = new Dictionary<int, (double RocAuc, double Accuracy, double LogLoss)>();

        for (int row = 0; row < phishing.Count; row++)
        {
            phishing.Fill(row, x);
            scaler.LearnOne(x);
            scaler.TransformOne(x, scaled);
            model.PredictProbaOne(scaled, probabilities);
            var prediction = new ClassificationPrediction(probabilities.ArgMax(), probabilities);
            Label y = phishing.Target(row);
            rocAuc.Update(y, prediction);
            accuracy.Update(y, prediction);
            logLoss.Update(y, prediction);
            model.LearnOne(scaled, y);
            values[row + 1] = (rocAuc.Value, accuracy.Value, logLoss.Value);
        }

        foreach (JsonElement checkpoint in Reference.Root.GetProperty("seed_trace").GetProperty("checkpoints").EnumerateArray())
        {
            int n = checkpoint.GetProperty("n").GetInt32();
            (double auc, double acc, double loss) = values[n];
            Reference.AssertClose(checkpoint.GetProperty("ROCAUC").GetDouble(), auc, 1e-12, $"ROCAUC at {n}");
            Reference.AssertClose(checkpoint.GetProperty("Accuracy").GetDouble(), acc, 1e-12, $"Accuracy at {n}");
            Reference.AssertClose(checkpoint.GetProperty("LogLoss").GetDouble(), loss, 1e-12, $"LogLoss at {n}");
        }
    }

    [Fact]
    public void LinearRegressionTrace_River0121Order_FinalWeightsMatch()
    {
        Dataset trump = RiverDatasets.TrumpApproval();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var scaled = new FeatureVector(schema);
        var scaler = new StandardScaler();
        var model = new LinearRegression();
        var mae = new Mae();
        for (int row = 0; row < trump.Count; row++)
        {
            trump.Fill(row, x);
            scaler.LearnOne(x);
            scaler.TransformOne(x, scaled);
            double y = trump.Target(row).ToDouble();
            mae.Update(y, model.PredictOne(scaled));
            model.LearnOne(scaled, y);
        }

        JsonElement expected = Reference.Root.GetProperty("linreg_final");
        Reference.AssertClose(expected.GetProperty("MAE").GetDouble(), mae.Value, 1e-12, "MAE");
        Reference.AssertClose(expected.GetProperty("intercept").GetDouble(), model.Intercept, 1e-12, "intercept");
        Dictionary<string, double> weights = model.Weights(schema);
        foreach (JsonProperty w in expected.GetProperty("weights").EnumerateObject())
        {
            Reference.AssertClose(w.Value.GetDouble(), weights[w.Name], 1e-12, w.Name);
        }
    }
}
