using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Tests.Compose;

/// <summary>The hot path allocates nothing per example once the model has seen its features (not a timing test).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void SeedPipeline_PredictAndLearnInSteadyState_AllocatesNothing()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var schema = new FeatureSchema();
        var examples = new FeatureVector[phishing.Count];
        for (int row = 0; row < phishing.Count; row++)
        {
            examples[row] = new FeatureVector(schema);
            phishing.Fill(row, examples[row]);
        }

        var model = new StandardScaler() | new LogisticRegression();
        var probabilities = new ClassProbabilities();
        RunPass(model, phishing, examples, probabilities);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunPass(model, phishing, examples, probabilities);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void RunPass(Classifier model, Dataset data, FeatureVector[] examples, ClassProbabilities probabilities)
    {
        for (int row = 0; row < examples.Length; row++)
        {
            model.PredictProbaOne(examples[row], probabilities);
            model.PredictOne(examples[row]);
            model.LearnOne(examples[row], data.Target(row));
        }
    }
}
