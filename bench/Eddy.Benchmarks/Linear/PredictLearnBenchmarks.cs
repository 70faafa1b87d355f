using BenchmarkDotNet.Attributes;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;

namespace Eddy.Benchmarks.Linear;

/// <summary>
/// One operation = PredictProbaOne then LearnOne on the next example of the dataset, the loop progressive
/// validation and the server's learn path run. Examples are pre-built vectors, so the figure is the model's cost.
/// River's figure for the seed pipeline on this machine kind: 14.4 µs per operation.
/// </summary>
[MemoryDiagnoser]
public class PredictLearnBenchmarks
{
    private Example[] _phishing = [];
    private Example[] _segments = [];
    private Classifier _seed = null!;
    private Classifier _logisticRegression = null!;
    private Classifier _softmax = null!;
    private readonly ClassProbabilities _probabilities = new();

    [GlobalSetup]
    public void Setup()
    {
        var seedSchema = new FeatureSchema();
        _phishing = Load(RiverDatasets.Phishing(), seedSchema);
        _segments = Load(RiverDatasets.ImageSegments(), new FeatureSchema());
        _seed = new StandardScaler() | new LogisticRegression();
        _logisticRegression = new LogisticRegression();
        _softmax = new StandardScaler() | new SoftmaxRegression();

        // Steady state: one pass first so every array has its final size.
        Pass(_seed, _phishing);
        Pass(_logisticRegression, _phishing);
        Pass(_softmax, _segments);
    }

    [Benchmark(OperationsPerInvoke = 1250, Description = "StandardScaler | LogisticRegression (Phishing)")]
    public void SeedPipeline() => Pass(_seed, _phishing);

    [Benchmark(OperationsPerInvoke = 1250, Description = "LogisticRegression (Phishing)")]
    public void LogisticRegressionAlone() => Pass(_logisticRegression, _phishing);

    [Benchmark(OperationsPerInvoke = 2310, Description = "StandardScaler | SoftmaxRegression (ImageSegments)")]
    public void SoftmaxRegressionSegments() => Pass(_softmax, _segments);

    private void Pass(Classifier model, Example[] examples)
    {
        foreach (Example example in examples)
        {
            model.PredictProbaOne(example.X, _probabilities);
            model.LearnOne(example.X, example.Y);
        }
    }

    private static Example[] Load(Dataset dataset, FeatureSchema schema)
    {
        var examples = new Example[dataset.Count];
        for (int row = 0; row < dataset.Count; row++)
        {
            var x = new FeatureVector(schema);
            dataset.Fill(row, x);
            examples[row] = new Example(x, dataset.Target(row));
        }

        return examples;
    }

    private sealed record Example(FeatureVector X, Label Y);
}
