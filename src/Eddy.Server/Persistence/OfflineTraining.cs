using Eddy.Base;
using Eddy.Datasets;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Specs;

namespace Eddy.Server.Persistence;

/// <summary>
/// Offline warm start: learns a dataset with a spec exactly as a server's writer would (same learner, same metrics,
/// same sequence numbers) and returns the model snapshot file, ready for <c>PUT /v1/models/{name}/snapshot</c>.
/// </summary>
public static class OfflineTraining
{
    /// <summary>Trains <paramref name="spec"/> on every row of <paramref name="data"/>; returns the snapshot bytes.</summary>
    public static byte[] Train(string name, ModelSpec spec, Dataset data, int rollingWindow = 1000)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        BuiltModel built = spec.Build();
        var metrics = built.Metrics.Count > 0 ? built.Metrics : spec.WithMetrics(MetricDefaults.For(spec.Kind)).BuildMetrics();
        var definition = new ModelDefinition(name, spec.ToJson(), built.Estimator, metrics, PublicationPolicy.AfterEveryLearn, rollingWindow);
        var learner = new Learner(definition);
        var raw = new RawExample();
        for (int row = 0; row < data.Count; row++)
        {
            raw.Clear();
            for (int f = 0; f < data.FeatureNames.Count; f++)
            {
                if (!data.IsPresent(row, f))
                {
                    continue;
                }

                if (data.FeatureKinds[f] == ColumnKind.Category)
                {
                    raw.SetCategory(data.FeatureNames[f], data.CategoryAt(row, f)!);
                }
                else
                {
                    raw.SetNumber(data.FeatureNames[f], data.NumberAt(row, f));
                }
            }

            Label target = data.Target(row);
            if (definition.IsAnomaly && target != Label.True && target != Label.False)
            {
                // An anomaly model learns without labels; a 0/1 (or boolean) target is kept as feedback for the metrics.
                target = Label.None;
            }

            LearnOutcome outcome = learner.Learn(new LearnWork(raw, target, null, null), pending: null);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Row {row + 1} of {data.Name} was refused: {outcome.Detail}");
            }
        }

        return learner.Capture(definition, coveredLsn: 0).Serialize();
    }
}
