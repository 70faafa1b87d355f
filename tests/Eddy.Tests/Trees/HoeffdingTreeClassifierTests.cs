using Eddy.Datasets;
using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Tests.Support;
using Eddy.Trees;

namespace Eddy.Tests.Trees;

public sealed class HoeffdingTreeClassifierTests
{
    private const string Model = "HoeffdingTreeClassifier()";

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("ROCAUC")]
    [InlineData("LogLoss")]
    [InlineData("F1")]
    public void Reference_Phishing_MatchesRiver(string metric) => AssertReference("Phishing", metric);

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("MacroF1")]
    public void Reference_ImageSegments_MatchesRiver(string metric) => AssertReference("ImageSegments", metric);

    private static void AssertReference(string dataset, string metric)
    {
        Dataset data = dataset == "Phishing" ? RiverDatasets.Phishing() : RiverDatasets.ImageSegments();
        ClassificationMetric scorer = metric switch
        {
            "Accuracy" => new Accuracy(),
            "ROCAUC" => new RocAuc(),
            "LogLoss" => new LogLoss(),
            "F1" => new F1(),
            _ => new MacroF1(),
        };
        Checkpoint result = ProgressiveValidation.Score(new HoeffdingTreeClassifier(), data, [scorer]);
        Assert.Equal(data.Count - 1, result.Scored);
        Reference.AssertClose(Reference.Current(dataset, Model, metric), result.Values[0], 1e-6, $"{metric} on {dataset}");
    }
}
