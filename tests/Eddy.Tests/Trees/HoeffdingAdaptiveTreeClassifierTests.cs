using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Tests.Support;
using Eddy.Trees;

namespace Eddy.Tests.Trees;

public sealed class HoeffdingAdaptiveTreeClassifierTests
{
    private const string Model = "HoeffdingAdaptiveTreeClassifier(seed=42)";

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("ROCAUC")]
    [InlineData("LogLoss")]
    [InlineData("F1")]
    public void Reference_Phishing_MatchesRiver(string metric)
    {
        Dataset data = RiverDatasets.Phishing();
        ClassificationMetric scorer = metric switch
        {
            "Accuracy" => new Accuracy(),
            "ROCAUC" => new RocAuc(),
            "LogLoss" => new LogLoss(),
            _ => new F1(),
        };
        Checkpoint result = ProgressiveValidation.Score(new HoeffdingAdaptiveTreeClassifier(seed: 42), data, [scorer]);
        Assert.Equal(data.Count - 1, result.Scored);
        Reference.AssertClose(Reference.Current("Phishing", Model, metric), result.Values[0], 1e-12, $"{metric} on Phishing");
    }
}
