using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Server.Monitoring;

/// <summary>
/// The champion or one challenger: where its spec comes from, its own global and rolling copy of the promotion metric,
/// how many examples it saw since it started, and its latest holdout score. A challenger owns its model; the champion's
/// is the learner's <c>Model</c> (so <see cref="Model"/> is null while it is champion).
/// </summary>
internal sealed class Contender
{
    public Contender(string name, int source, long startedAt, Metric global, Metric rolling)
    {
        Name = name;
        Source = source;
        StartedAt = startedAt;
        Global = global;
        Rolling = rolling;
    }

    public string Name { get; }

    /// <summary>The spec it is built from: −1 the model's own, else an index into the configured challengers.</summary>
    public int Source { get; }

    /// <summary>The sequence of the learn it started after (0: with the model).</summary>
    public long StartedAt { get; }

    public Estimator? Model { get; set; }

    public Metric Global { get; }

    public Metric Rolling { get; }

    /// <summary>Examples learned (or refused by it alone) since it started.</summary>
    public long Seen { get; set; }

    /// <summary>Examples its model refused although the champion took them (skipped, as a retrain skips them).</summary>
    public long Skipped { get; set; }

    /// <summary>Its score on the holdout at the latest evaluation (NaN before one).</summary>
    public double HoldoutScore { get; set; } = double.NaN;

    /// <summary>A candidate held back by the holdout is not reconsidered before this sequence.</summary>
    public long NextCheck { get; set; }

    /// <summary>Started by the policy on an alarm (the one kind that a newer one replaces).</summary>
    public bool PolicyStarted => Name.StartsWith(ChallengerSpec.RetrainedPrefix, StringComparison.Ordinal);

    /// <summary>A challenger's turn on a learned example: predict, score, then learn it, as the champion did.</summary>
    public void Shadow(FeatureVector x, Label y, ClassProbabilities probabilities)
    {
        Seen++;
        try
        {
            Score(Model!, Global, Rolling, y, x, probabilities);
            switch (Model)
            {
                case Classifier classifier:
                    classifier.LearnOne(x, y);
                    break;
                case Regressor regressor:
                    regressor.LearnOne(x, y.ToDouble());
                    break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The champion took this example; a challenger that cannot must not fail the learn. Deterministic: a
            // replay refuses it the same way.
            Skipped++;
        }
    }

    /// <summary>The champion's turn: its metrics see the prediction the learner made (or served) before learning.</summary>
    public void ScoreChampion(Label y, ClassificationPrediction? prediction, double predicted)
    {
        Seen++;
        if (prediction is { } p)
        {
            ((ClassificationMetric)Global).Update(y, p);
            ((ClassificationMetric)Rolling).Update(y, p);
        }
        else if (!double.IsNaN(predicted))
        {
            double target = y.ToDouble();
            ((RegressionMetric)Global).Update(target, predicted);
            ((RegressionMetric)Rolling).Update(target, predicted);
        }
    }

    /// <summary>Predicts <paramref name="x"/> with <paramref name="model"/> and updates the metrics with it (predicting changes no model).</summary>
    public static void Score(Estimator model, Metric metric, Metric? second, Label y, FeatureVector x, ClassProbabilities probabilities)
    {
        switch (model)
        {
            case Classifier classifier:
            {
                bool scored = classifier.PredictProbaOne(x, probabilities);
                Label label = classifier.PredictsFromProbabilities ? probabilities.ArgMax() : classifier.PredictOne(x);
                if (scored && !label.IsNone)
                {
                    var prediction = new ClassificationPrediction(label, probabilities);
                    ((ClassificationMetric)metric).Update(y, prediction);
                    (second as ClassificationMetric)?.Update(y, prediction);
                }

                break;
            }

            case Regressor regressor:
            {
                double target = y.ToDouble();
                double predicted = regressor.PredictOne(x);
                ((RegressionMetric)metric).Update(target, predicted);
                (second as RegressionMetric)?.Update(target, predicted);
                break;
            }
        }
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteString(Name);
        writer.WriteInt32(Source);
        writer.WriteInt64(StartedAt);
        writer.WriteInt64(Seen);
        writer.WriteInt64(Skipped);
        writer.WriteDouble(HoldoutScore);
        writer.WriteInt64(NextCheck);
        writer.WriteBytes(Global.SerializeState());
        writer.WriteBytes(Rolling.SerializeState());
        writer.WriteBoolean(Model is not null);
        if (Model is not null)
        {
            writer.WriteBytes(Model.SerializeState());
        }
    }
}
