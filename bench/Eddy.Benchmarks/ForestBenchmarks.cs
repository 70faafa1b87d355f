using BenchmarkDotNet.Attributes;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;

namespace Eddy.Benchmarks;

/// <summary>
/// One operation = PredictProbaOne then LearnOne on the next Phishing example with River's default ARFClassifier
/// (10 trees, seed 42), trained on one pass first so the figure is the steady state.
/// </summary>
[MemoryDiagnoser]
public class ForestBenchmarks
{
    private (FeatureVector X, Label Y)[] _phishing = [];
    private ARFClassifier _forest = null!;
    private readonly ClassProbabilities _probabilities = new();

    [GlobalSetup]
    public void Setup()
    {
        Dataset dataset = RiverDatasets.Phishing();
        var schema = new FeatureSchema();
        _phishing = new (FeatureVector, Label)[dataset.Count];
        for (int row = 0; row < dataset.Count; row++)
        {
            var x = new FeatureVector(schema);
            dataset.Fill(row, x);
            _phishing[row] = (x, dataset.Target(row));
        }

        _forest = new ARFClassifier(seed: 42);
        PredictLearn();
        Console.WriteLine($"// ARF memory: serialized state {_forest.SerializeState().Length} bytes, live estimate {_forest.EstimateBytes()} bytes");
    }

    [Benchmark(OperationsPerInvoke = 1250, Description = "ARFClassifier, 10 trees (Phishing)")]
    public void PredictLearn()
    {
        foreach ((FeatureVector x, Label y) in _phishing)
        {
            _forest.PredictProbaOne(x, _probabilities);
            _forest.LearnOne(x, y);
        }
    }
}
