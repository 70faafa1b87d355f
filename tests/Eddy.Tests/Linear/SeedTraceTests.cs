using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using Eddy.Tests.Support;

namespace Eddy.Tests.Linear;

/// <summary>
/// The seed pipeline (StandardScaler | LogisticRegression) step by step against River's trace. The trace was taken
/// with River 0.12.1, whose pipeline let the scaler learn before predicting; the estimators are driven here in that
/// order, which is also the order in which the regression sees its inputs in River ≥ 0.19 ... except for the scaler
/// state a prediction sees.
/// </summary>
public sealed class SeedTraceTests
{
    [Fact]
    public void SeedTrace_River0121Order_FinalWeightsInterceptAndScalerMatch()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var scaled = new FeatureVector(schema);
        var scaler = new StandardScaler();
        var model = new LogisticRegression();
        var probabilities = new ClassProbabilities();
        var firstPredictions = new List<double>();

        for (int row = 0; row < phishing.Count; row++)
        {
            phishing.Fill(row, x);
            scaler.LearnOne(x);
            scaler.TransformOne(x, scaled);
            model.PredictProbaOne(scaled, probabilities);
            if (row < 5)
            {
                firstPredictions.Add(probabilities.Get(Label.True));
            }

            model.LearnOne(scaled, phishing.Target(row));
        }

        JsonElement trace = Reference.Root.GetProperty("seed_trace");
        int i = 0;
        foreach (JsonElement p in trace.GetProperty("first_predictions").EnumerateArray())
        {
            Reference.AssertClose(p.GetProperty("p_true").GetDouble(), firstPredictions[i++], 1e-12, $"prediction {i}");
        }

        Reference.AssertClose(trace.GetProperty("final_intercept").GetDouble(), model.Intercept, 1e-12, "intercept");
        Dictionary<string, double> weights = model.Weights(schema);
        foreach (JsonProperty w in trace.GetProperty("final_weights").EnumerateObject())
        {
            Reference.AssertClose(w.Value.GetDouble(), weights[w.Name], 1e-12, w.Name);
        }

        foreach (JsonProperty m in trace.GetProperty("scaler_means").EnumerateObject())
        {
            Assert.True(schema.TryGetIndex(m.Name, out int index));
            Reference.AssertClose(m.Value.GetDouble(), scaler.MeanOf(index), 1e-12, "mean of " + m.Name);
            Reference.AssertClose(trace.GetProperty("scaler_vars").GetProperty(m.Name).GetDouble(), scaler.VarianceOf(index), 1e-12, "variance of " + m.Name);
            Assert.Equal(trace.GetProperty("scaler_counts").GetProperty(m.Name).GetDouble(), scaler.CountOf(index));
        }
    }
}
