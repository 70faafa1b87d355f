using System.Diagnostics;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Metrics;

namespace Eddy.Evaluate;

/// <summary>
/// River's <c>evaluate.progressive_val_score</c> / <c>iter_progressive_val_score</c>: for each example in order,
/// predict, score the prediction, then learn. A prediction the model cannot make yet (River's <c>{}</c> or
/// <c>None</c>) is not scored, but the model still learns the example.
/// </summary>
/// <remarks>
/// Classifiers are asked as River asks them: metrics that score probabilities (<see cref="ClassificationMetric.RequiresLabels"/>
/// false) see <see cref="Classifier.PredictProbaOne"/>, label metrics see the predicted class. When the classifier's
/// class is the arg-max of its probabilities, one call serves both.
/// </remarks>
public static class ProgressiveValidation
{
    /// <summary>Evaluates a classifier; yields a checkpoint every <paramref name="step"/> examples and after the last.</summary>
    public static IEnumerable<Checkpoint> Iterate(
        Classifier model, Dataset dataset, IReadOnlyList<ClassificationMetric> metrics, int step = 1, FeatureSchema? schema = null, bool learn = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);

        var x = new FeatureVector(schema ?? new FeatureSchema());
        var probabilities = new ClassProbabilities();
        bool needProbabilities = false;
        bool needLabels = false;
        foreach (ClassificationMetric metric in metrics)
        {
            needProbabilities |= !metric.RequiresLabels;
            needLabels |= metric.RequiresLabels;
        }

        bool labelFromProbabilities = needProbabilities && model.PredictsFromProbabilities;
        long scored = 0;
        var clock = Stopwatch.StartNew();
        for (int row = 0; row < dataset.Count; row++)
        {
            dataset.Fill(row, x);
            Label y = dataset.Target(row);

            bool hasPrediction = true;
            Label predicted = Label.None;
            if (needProbabilities)
            {
                hasPrediction = model.PredictProbaOne(x, probabilities);
                if (labelFromProbabilities)
                {
                    predicted = probabilities.ArgMax();
                }
            }

            if (needLabels && !labelFromProbabilities)
            {
                predicted = model.PredictOne(x);
                hasPrediction = !predicted.IsNone && (!needProbabilities || hasPrediction);
            }

            if (hasPrediction)
            {
                var prediction = new ClassificationPrediction(predicted, needProbabilities ? probabilities : null);
                foreach (ClassificationMetric metric in metrics)
                {
                    metric.Update(y, prediction);
                }

                scored++;
            }

            if (learn)
            {
                model.LearnOne(x, y);
            }

            if ((row + 1) % step == 0 || row + 1 == dataset.Count)
            {
                yield return Snapshot(row + 1, scored, metrics, clock, model);
            }
        }
    }

    /// <summary>Evaluates a regressor; yields a checkpoint every <paramref name="step"/> examples and after the last.</summary>
    public static IEnumerable<Checkpoint> Iterate(
        Regressor model, Dataset dataset, IReadOnlyList<RegressionMetric> metrics, int step = 1, FeatureSchema? schema = null, bool learn = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);

        var x = new FeatureVector(schema ?? new FeatureSchema());
        var clock = Stopwatch.StartNew();
        for (int row = 0; row < dataset.Count; row++)
        {
            dataset.Fill(row, x);
            double y = dataset.Target(row).ToDouble();
            double predicted = model.PredictOne(x);
            foreach (RegressionMetric metric in metrics)
            {
                metric.Update(y, predicted);
            }

            if (learn)
            {
                model.LearnOne(x, y);
            }

            if ((row + 1) % step == 0 || row + 1 == dataset.Count)
            {
                yield return Snapshot(row + 1, row + 1, metrics, clock, model);
            }
        }
    }

    /// <summary>Runs to the end and returns the last checkpoint (River's <c>progressive_val_score</c>).</summary>
    public static Checkpoint Score(Classifier model, Dataset dataset, IReadOnlyList<ClassificationMetric> metrics) =>
        Iterate(model, dataset, metrics, step: int.MaxValue).Last();

    public static Checkpoint Score(Regressor model, Dataset dataset, IReadOnlyList<RegressionMetric> metrics) =>
        Iterate(model, dataset, metrics, step: int.MaxValue).Last();

    private static Checkpoint Snapshot<TMetric>(long step, long scored, IReadOnlyList<TMetric> metrics, Stopwatch clock, Estimator model)
        where TMetric : Metric
    {
        var values = new double[metrics.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = metrics[i].Value;
        }

        return new Checkpoint(step, scored, values, clock.Elapsed, model.SerializeState().LongLength);
    }
}
