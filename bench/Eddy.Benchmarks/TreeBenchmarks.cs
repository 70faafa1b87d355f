using BenchmarkDotNet.Attributes;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Trees;

namespace Eddy.Benchmarks;

/// <summary>
/// One operation = PredictProbaOne then LearnOne on the next Phishing example with River's default
/// HoeffdingTreeClassifier (naive Bayes adaptive leaves, Gaussian splitters). The tree is trained on one pass first,
/// so the figure is the steady state (split attempts included when a leaf reaches its grace period).
/// </summary>
[MemoryDiagnoser]
public class TreeBenchmarks
{
    private (FeatureVector X, Label Y)[] _phishing = [];
    private HoeffdingTreeClassifier _tree = null!;
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

        _tree = new HoeffdingTreeClassifier();
        PredictLearn();
    }

    [Benchmark(OperationsPerInvoke = 1250, Description = "HoeffdingTreeClassifier (Phishing)")]
    public void PredictLearn()
    {
        foreach ((FeatureVector x, Label y) in _phishing)
        {
            _tree.PredictProbaOne(x, _probabilities);
            _tree.LearnOne(x, y);
        }
    }
}
