using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

public sealed class CrossEntropyTests
{
    [Fact]
    public void Update_DocExample_PrintsEachStep()
    {
        var metric = new CrossEntropy();
        Label[] yTrue = [0, 1, 2, 2];
        double[][] probabilities =
        [
            [0.29450637, 0.34216758, 0.36332605],
            [0.21290077, 0.32728332, 0.45981591],
            [0.42860913, 0.33380113, 0.23758974],
            [0.44941979, 0.32962558, 0.22095463],
        ];
        string[] printed = ["1.222454", "1.169691", "1.258864", "1.321597"];
        var p = new ClassProbabilities();
        for (int i = 0; i < yTrue.Length; i++)
        {
            p.Clear();
            for (int c = 0; c < 3; c++)
            {
                p.Add(c, probabilities[i][c]);
            }

            metric.Update(yTrue[i], new ClassificationPrediction(p.ArgMax(), p));
            MetricAssert.Number(printed[i], metric.Value);
        }

        MetricAssert.Printed("CrossEntropy: 1.321598", metric);
    }
}
