using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Eddy.Tests.Support;

namespace Eddy.Tests.Metrics;

/// <summary>The metrics on the seed pipeline against River's reference numbers.</summary>
public sealed class PhishingParityTests
{
    /// <summary>
    /// River ≥ 0.19's <c>Pipeline.learn_one</c> lets an unsupervised transformer learn x before transforming x for the
    /// next step, so LogisticRegression learns on x scaled with the updated scaler, while predictions use the scaler
    /// as it is. <see cref="RiverV019Loop_AllFourMetricsBitExact"/> spells that order out by hand.
    /// </summary>
    [Fact]
    public void ProgressiveValidation_SeedPipeline_MatchesRiverReference()
    {
        var metrics = new ClassificationMetric[] { new Accuracy(), new RocAuc(), new Eddy.Metrics.LogLoss(), new F1() };
        Checkpoint last = ProgressiveValidation.Score(new StandardScaler() | new LogisticRegression(), RiverDatasets.Phishing(), metrics);

        Assert.Equal(1250, last.Scored);
        for (int i = 0; i < metrics.Length; i++)
        {
            double expected = Reference.Current("Phishing", "StandardScaler | LogisticRegression()", metrics[i].Name);
            Reference.AssertClose(expected, last.Values[i], 1e-9, metrics[i].Name);
        }
    }

    [Fact]
    public void ProgressiveValidation_SeedPipeline_RocAucIsBitExact()
    {
        var rocAuc = new RocAuc();
        Checkpoint last = ProgressiveValidation.Score(new StandardScaler() | new LogisticRegression(), RiverDatasets.Phishing(), [rocAuc]);

        double expected = Reference.Current("Phishing", "StandardScaler | LogisticRegression()", "ROCAUC");
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(last.Values[0]));
    }

    /// <summary>
    /// River ≥ 0.19 by hand: predict with the scaler as it is, then the scaler learns x, then the regression learns
    /// x scaled with the updated scaler. All four metrics equal River's reference bit for bit.
    /// </summary>
    [Fact]
    public void RiverV019Loop_AllFourMetricsBitExact()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var scaled = new FeatureVector(schema);
        var scaler = new StandardScaler();
        var model = new LogisticRegression();
        var probabilities = new ClassProbabilities();
        var metrics = new ClassificationMetric[] { new Accuracy(), new RocAuc(), new Eddy.Metrics.LogLoss(), new F1() };
        for (int row = 0; row < phishing.Count; row++)
        {
            phishing.Fill(row, x);
            Label y = phishing.Target(row);
            scaler.TransformOne(x, scaled);
            model.PredictProbaOne(scaled, probabilities);
            var prediction = new ClassificationPrediction(probabilities.ArgMax(), probabilities);
            foreach (ClassificationMetric metric in metrics)
            {
                metric.Update(y, prediction);
            }

            scaler.LearnOne(x);
            scaler.TransformOne(x, scaled);
            model.LearnOne(scaled, y);
        }

        foreach (ClassificationMetric metric in metrics)
        {
            AssertBits(Reference.Current("Phishing", "StandardScaler | LogisticRegression()", metric.Name), metric.Value, metric.Name);
        }
    }

    /// <summary>River 0.12.1's own loop (the scaler learns before predicting), checked at every trace checkpoint, bit for bit.</summary>
    [Fact]
    public void SeedTrace_River0121Order_CheckpointsAreBitExact()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var scaled = new FeatureVector(schema);
        var scaler = new StandardScaler();
        var model = new LogisticRegression();
        var probabilities = new ClassProbabilities();
        var rocAuc = new RocAuc();
        var logLoss = new Eddy.Metrics.LogLoss();
        var accuracy = new Accuracy();
        var values = new Dictionary<int, (double RocAuc, double LogLoss, double Accuracy)>();

        for (int row = 0; row < phishing.Count; row++)
        {
            phishing.Fill(row, x);
            Label y = phishing.Target(row);
            scaler.LearnOne(x);
            scaler.TransformOne(x, scaled);
            model.PredictProbaOne(scaled, probabilities);
            var prediction = new ClassificationPrediction(probabilities.ArgMax(), probabilities);
            rocAuc.Update(y, prediction);
            logLoss.Update(y, prediction);
            accuracy.Update(y, prediction);
            values[row + 1] = (rocAuc.Value, logLoss.Value, accuracy.Value);
            model.LearnOne(scaled, y);
        }

        foreach (JsonElement checkpoint in Reference.Root.GetProperty("seed_trace").GetProperty("checkpoints").EnumerateArray())
        {
            int n = checkpoint.GetProperty("n").GetInt32();
            AssertBits(ReadNumber(checkpoint.GetProperty("ROCAUC")), values[n].RocAuc, $"ROCAUC at {n}");
            AssertBits(ReadNumber(checkpoint.GetProperty("LogLoss")), values[n].LogLoss, $"LogLoss at {n}");
            AssertBits(ReadNumber(checkpoint.GetProperty("Accuracy")), values[n].Accuracy, $"Accuracy at {n}");
        }
    }

    private static double ReadNumber(JsonElement element) => element.GetDouble();

    private static void AssertBits(double expected, double actual, string what)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
        {
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R}.");
        }
    }
}
