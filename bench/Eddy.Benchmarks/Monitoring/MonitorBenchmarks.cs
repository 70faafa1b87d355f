using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Eddy.Datasets;
using Eddy.Server;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Specs;
using Microsoft.Extensions.Options;

namespace Eddy.Benchmarks.Monitoring;

/// <summary>
/// What monitors add to a learn on the server's writer (the budget: ≤ 20 % of the seed pipeline's learn).
/// One operation = <c>Learner.Learn</c> of one Phishing example: validate, intern, predict, learn, score six metrics
/// (three rolling), then the monitors. Ratios within one run are what to compare.
/// </summary>
[MemoryDiagnoser]
public class MonitorBenchmarks
{
    private LearnWork[] _works = [];
    private Learner _plain = null!;
    private Learner _drift = null!;
    private Learner _driftAndMetric = null!;
    private Learner _retrainWindow = null!;

    [GlobalSetup]
    public void Setup()
    {
        Dataset phishing = RiverDatasets.Phishing();
        _works = new LearnWork[phishing.Count];
        for (int row = 0; row < phishing.Count; row++)
        {
            var raw = new RawExample();
            for (int f = 0; f < phishing.FeatureNames.Count; f++)
            {
                raw.SetNumber(phishing.FeatureNames[f], phishing.NumberAt(row, f));
            }

            _works[row] = new LearnWork(raw, phishing.Target(row), null, null);
        }

        _plain = Create(null, null);
        _drift = Create("""{"drift": "ADWIN"}""", """{"action": "alert"}""");
        _driftAndMetric = Create("""{"drift": "ADWIN", "metric": {"name": "Accuracy", "margin": 0.05}}""", """{"action": "alert"}""");
        _retrainWindow = Create("""{"drift": "ADWIN", "metric": {"name": "Accuracy", "margin": 0.05}}""", """{"action": "retrain", "window": 1000, "cooldown": 1000000000}""");
        foreach (Learner learner in new[] { _plain, _drift, _driftAndMetric, _retrainWindow })
        {
            Pass(learner);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1250, Description = "seed learn, no monitors")]
    public void Plain() => Pass(_plain);

    [Benchmark(OperationsPerInvoke = 1250, Description = "+ ADWIN on the error stream")]
    public void Drift() => Pass(_drift);

    [Benchmark(OperationsPerInvoke = 1250, Description = "+ ADWIN + rolling-metric margin")]
    public void DriftAndMetric() => Pass(_driftAndMetric);

    [Benchmark(OperationsPerInvoke = 1250, Description = "+ both, retrain policy (remembers 1,000 examples)")]
    public void RetrainWindow() => Pass(_retrainWindow);

    private void Pass(Learner learner)
    {
        foreach (LearnWork work in _works)
        {
            learner.Learn(work, null);
        }
    }

    private static Learner Create(string? monitors, string? policy)
    {
        var factory = new ModelFactory(Options.Create(new EddyServerOptions()), EstimatorCatalog.Default);
        var body = new JsonObject
        {
            ["name"] = "bench",
            ["model"] = "StandardScaler | LogisticRegression",
            ["metrics"] = new JsonArray("ROCAUC", "Accuracy", "LogLoss"),
        };
        if (monitors is not null)
        {
            body["monitors"] = JsonNode.Parse(monitors);
            body["policy"] = JsonNode.Parse(policy!);
        }

        return new Learner(factory.FromRequest(body));
    }
}
