using Eddy.Base;
using Eddy.Metrics;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;
using Eddy.Server.Problems;

namespace Eddy.Server.Hosting;

/// <summary>
/// The writable side of a <see cref="ModelHost"/>: the model, its schema, its progressive metrics and the sequence.
/// Only the host's writer calls it. A learn validates everything first (label, then features without interning new
/// names), so a refused example changes nothing; then it predicts, learns and scores, as progressive validation does.
/// An anomaly detector scores, then learns; its work's label is the optional feedback, which only the metrics see.
/// A supervised anomaly detector scores its target "y" given x, then learns it; its feedback rides beside y.
/// </summary>
internal sealed partial class Learner
{
    private ModelDefinition _definition;
    private readonly FeatureVector _x;
    private readonly ClassProbabilities _probabilities = new();
    private Metric[] _metrics;
    private ModelWatch? _watch;
    private readonly ModelMonitor? _monitor;
    private readonly TimeProvider _time;

    /// <summary>Learns applied; a field so the host can read it atomically from other threads.</summary>
    public long SequenceField;

    public Learner(ModelDefinition definition, ModelMonitor? monitor = null, TimeProvider? time = null)
    {
        _definition = definition;
        Model = definition.Prototype.CloneFresh();
        Schema = new FeatureSchema();
        _x = new FeatureVector(Schema);
        _metrics = CreateMetrics(definition);
        _watch = definition.Watch is { } watch ? new ModelWatch(watch, definition.MetricPrototypes) : null;
        _challengers = definition.Watch?.Challengers is { } challengers ? new ChallengerSet(challengers, definition.Prototype, definition.MetricPrototypes) : null;
        _monitor = monitor;
        _time = time ?? TimeProvider.System;
        _revisions = ModelRevisions.Initial(definition);
    }

    public Estimator Model { get; private set; }

    public FeatureSchema Schema { get; private set; }

    public LearnOutcome Learn(LearnWork work, PendingPredictions? pending) => Learn(work, pending, replay: false);

    /// <summary>
    /// Learns a work again after <see cref="RestoreFrom"/>: the model only. Its metric update and sequence number were
    /// kept (they happen after a learn succeeds, so a failure never reaches them).
    /// </summary>
    public void Replay(LearnWork work)
    {
        if (!CoveredByReplacement(work))
        {
            Learn(work, pending: null, replay: true);
        }
    }

    private LearnOutcome Learn(LearnWork work, PendingPredictions? pending, bool replay)
    {
        PendingPrediction? served = work.Pending;
        if (pending is not null && work.PendingId is { } id)
        {
            PendingLookup lookup = pending.Find(id, out served);
            if (lookup != PendingLookup.Pending)
            {
                return Refusal(lookup, id);
            }

            work.Pending = served;
        }

        RawExample raw = served?.Features ?? work.Features ?? throw new InvalidOperationException("A learn without features.");
        Label y = work.Y;
        try
        {
            ValidateLabel(y);
            _x.Reset(Schema, interning: false);
            raw.Fill(_x);
            Model.ValidateInput(_x);
            if (_x.HasTransient || _x.HasCategorical)
            {
                // Valid: only now may new names and categories enter the schema.
                _x.Reset(Schema, interning: true);
                raw.Fill(_x);
            }

            return LearnValidated(raw, y, work.Feedback, served, pending, replay);
        }
        catch (InvalidLabelException e)
        {
            return LearnOutcome.Refused(ProblemKind.InvalidLabel, e.Message, "y");
        }
        catch (InvalidFeatureException e)
        {
            return LearnOutcome.Refused(ProblemKind.InvalidFeature, e.Message, "x." + e.FeatureName);
        }
        catch (NonFiniteUpdateException e)
        {
            return LearnOutcome.Refused(ProblemKind.RejectedUpdate, e.Message, "x");
        }
    }

    /// <summary>A deep copy of the model and the metrics' values, for publication.</summary>
    public Replica Snapshot(FeatureSchema publishedSchema, DateTimeOffset now)
    {
        var values = new double[_metrics.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _metrics[i].Value;
        }

        return new Replica(Model.Clone(), publishedSchema, Interlocked.Read(ref SequenceField), values, now) { Features = _watch?.FeatureReport(), Challengers = _challengers?.Report(), Revisions = _revisions.Items, Output = _definition.Output };
    }

    /// <summary>
    /// Puts back the model and schema of a published replica (after a failure inside an estimator); the caller then
    /// <see cref="Replay"/>s the learns applied since. Metrics and the sequence are untouched: they only ever move
    /// after a learn succeeded.
    /// </summary>
    public void RestoreFrom(Replica replica)
    {
        if (!RestoreReplaced(replica))
        {
            Model = replica.Model.Clone();
            Schema = replica.Schema.Clone();
        }
    }

    /// <summary>Global metrics (as specified), then a rolling-window copy of each.</summary>
    public static Metric[] CreateMetrics(ModelDefinition definition)
    {
        IReadOnlyList<Metric> prototypes = definition.MetricPrototypes;
        var metrics = new Metric[prototypes.Count * 2];
        for (int i = 0; i < prototypes.Count; i++)
        {
            metrics[i] = prototypes[i].CloneFresh();
            metrics[prototypes.Count + i] = prototypes[i].CloneFresh() switch
            {
                ClassificationMetric c => Rolling.Of(c, definition.RollingWindow),
                RegressionMetric r => Rolling.Of(r, definition.RollingWindow),
                Metric other => other,
            };
        }

        return metrics;
    }

    private LearnOutcome LearnValidated(RawExample raw, Label y, Label feedback, PendingPrediction? served, PendingPredictions? pending, bool replay)
    {
        // The error the drift monitor watches: 0/1 for a classifier, |y − ŷ| for a regressor; NaN when nothing was predicted.
        double error = double.NaN;
        double score = double.NaN;

        // What the prediction monitor watches: the predicted class's probability, or the predicted value.
        double predictedSignal = double.NaN;
        switch (Model)
        {
            case Classifier classifier:
            {
                ClassificationPrediction prediction;
                bool scored;
                if (served is not null)
                {
                    prediction = new ClassificationPrediction(served.Label, served.Probabilities);
                    scored = !served.Label.IsNone;
                }
                else
                {
                    scored = classifier.PredictProbaOne(_x, _probabilities);
                    Label label = classifier.PredictsFromProbabilities ? _probabilities.ArgMax() : classifier.PredictOne(_x);
                    prediction = new ClassificationPrediction(label, _probabilities);
                    scored &= !label.IsNone;
                }

                classifier.LearnOne(_x, y);
                if (scored)
                {
                    error = prediction.Label == y ? 0 : 1;
                    if (_watch is not null && prediction.Probabilities is { IsEmpty: false } probabilities)
                    {
                        predictedSignal = probabilities.Get(prediction.Label);
                    }
                }

                if (scored && !replay)
                {
                    foreach (Metric metric in _metrics)
                    {
                        ((ClassificationMetric)metric).Update(y, prediction);
                    }
                }

                if (_challengers is not null && !replay)
                {
                    ShadowChallengers(y, scored ? prediction : null, double.NaN);
                }

                break;
            }

            case Regressor regressor:
            {
                double target = y.ToDouble();
                double predicted = served?.Value ?? regressor.PredictOne(_x);
                regressor.LearnOne(_x, target);
                error = Math.Abs(target - predicted);
                predictedSignal = predicted;
                if (!replay)
                {
                    foreach (Metric metric in _metrics)
                    {
                        ((RegressionMetric)metric).Update(target, predicted);
                    }

                    if (_challengers is not null)
                    {
                        ShadowChallengers(y, null, predicted);
                    }
                }

                break;
            }

            case AnomalyDetector detector:
            {
                // Progressive, as River's evaluation: the score before learning. y is the optional feedback.
                score = detector.ScoreOne(_x);
                detector.LearnOne(_x);
                if (!y.IsNone && !replay)
                {
                    ScoreFeedback(y, score);
                }

                break;
            }

            case SupervisedAnomalyDetector supervised:
            {
                // As above, with the target: the score of y given x before learning it; the feedback only scores.
                double target = y.ToDouble();
                score = supervised.ScoreOne(_x, target);
                supervised.LearnOne(_x, target);
                if (!feedback.IsNone && !replay)
                {
                    ScoreFeedback(feedback, score);
                }

                break;
            }

            default:
                throw new InvalidOperationException($"{Model} cannot learn from labels.");
        }

        if (replay)
        {
            return default;
        }

        if (served is not null && pending is not null)
        {
            pending.MarkLearned(served);
        }

        long sequence = Interlocked.Increment(ref SequenceField);
        if (_challengers is not null)
        {
            DecidePromotion(sequence, raw, y);
        }

        if (_watch?.Observe(sequence, error, predictedSignal, raw, y, Model, _metrics) is { } alarm)
        {
            Act(alarm, sequence);
        }

        return new LearnOutcome(LearnStatus.Learned, sequence, _metrics.Length > 0 ? _metrics[0].Value : double.NaN) { Score = score };
    }

    /// <summary>Anomaly feedback scores the metrics: River's ROCAUC takes a bare score as P(True).</summary>
    private void ScoreFeedback(Label feedback, double score)
    {
        _probabilities.Clear();
        _probabilities.Add(Label.True, score);
        var prediction = new ClassificationPrediction(Label.None, _probabilities);
        foreach (Metric metric in _metrics)
        {
            ((ClassificationMetric)metric).Update(feedback, prediction);
        }
    }

    private void ValidateLabel(Label y) => ValidateLabel(Model, y);

    private static void ValidateLabel(Estimator model, Label y)
    {
        if (model is AnomalyDetector)
        {
            // The feedback label: none, or whether the example was an anomaly.
            if (!y.IsNone && y != Label.True && y != Label.False)
            {
                throw new InvalidLabelException($"The feedback \"label\" must be true or false, not {y}.");
            }

            return;
        }

        if (y.IsNone)
        {
            throw new InvalidLabelException("The label \"y\" is missing.");
        }

        switch (model)
        {
            case Classifier classifier:
                classifier.ValidateLabel(y);
                break;
            case Regressor:
                y.ToDouble();
                break;
            case SupervisedAnomalyDetector when !double.IsFinite(y.ToDouble()):
                throw new InvalidLabelException($"The target {y} is not finite.");
        }
    }

    private static LearnOutcome Refusal(PendingLookup lookup, string id) => lookup switch
    {
        PendingLookup.Expired => LearnOutcome.Refused(ProblemKind.PendingExpired, $"The prediction '{id}' expired before its label arrived; it was not learned.", "id"),
        PendingLookup.AlreadyLearned => LearnOutcome.Refused(ProblemKind.AlreadyLearned, $"The label of prediction '{id}' was already learned; it is not learned twice.", "id"),
        _ => LearnOutcome.Refused(ProblemKind.PendingNotFound, $"No pending prediction has the id '{id}' (never made, or forgotten after its TTL).", "id"),
    };
}
