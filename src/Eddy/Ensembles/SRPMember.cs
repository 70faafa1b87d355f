using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseSRPEstimator</c>: one member's model and subspace, its vote metric, its detectors and the
/// background model (with its own subspace) a warning starts. A background learner's metric and detectors never see
/// data, so a swap keeps its model, subspace and metric (see <see cref="MetricSurvivesReset"/>) and starts the
/// detectors afresh. The classifier and regressor members differ in how a model learns, in what the detectors watch
/// and in whether the metric survives a reset.
/// </summary>
internal abstract class SRPMember<TModel, TMetric, TTarget>
    where TModel : Estimator
    where TMetric : Metric
{
    protected SRPMember(TModel model, int[]? features, TMetric metric, DriftDetector? drift, DriftDetector? warning)
    {
        Model = model;
        Features = features;
        Metric = metric;
        Drift = drift;
        Warning = warning;
    }

    public TModel Model { get; private set; }

    /// <summary>The member's subspace (schema indices, River's order); null when it sees every feature.</summary>
    public int[]? Features { get; private set; }

    public TModel? Background { get; private set; }

    public int[]? BackgroundFeatures { get; private set; }

    public TMetric Metric { get; private set; }

    public TMetric? BackgroundMetric { get; private set; }

    public DriftDetector? Drift { get; private set; }

    public DriftDetector? Warning { get; private set; }

    public int DriftCount { get; private set; }

    public int WarningCount { get; private set; }

    /// <summary>River's <c>learn_one</c>: k unit-weight updates of both models, then the detectors on the updated model.</summary>
    public void Learn(FeatureVector x, TTarget y, int k, PythonRandom rng)
    {
        FeatureVector subset = SRPSubspaces.Select(x, Features);
        try
        {
            for (int i = 0; i < k; i++)
            {
                LearnOnce(Model, subset, y);
            }

            if (Background is not null)
            {
                FeatureVector backgroundSubset = SRPSubspaces.Select(x, BackgroundFeatures);
                try
                {
                    for (int i = 0; i < k; i++)
                    {
                        LearnOnce(Background, backgroundSubset, y);
                    }
                }
                finally
                {
                    SRPSubspaces.Release(x, backgroundSubset);
                }
            }

            if (Drift is not null)
            {
                Detect(x, DetectorInput(Model, subset, y), rng);
            }
        }
        finally
        {
            SRPSubspaces.Release(x, subset);
        }
    }

    public void WriteState(StateWriter writer)
    {
        WriteFeatures(writer, Features);
        Model.WriteState(writer);
        writer.WriteBoolean(Background is not null);
        if (Background is not null)
        {
            WriteFeatures(writer, BackgroundFeatures);
            Background.WriteState(writer);
            BackgroundMetric?.WriteState(writer);
        }

        Metric.WriteState(writer);
        Drift?.WriteState(writer);
        Warning?.WriteState(writer);
        writer.WriteInt32(DriftCount);
        writer.WriteInt32(WarningCount);
    }

    /// <summary>
    /// Whether River's <c>metric.clone()</c> keeps the member's score through a reset: a classification metric's
    /// confusion matrix is a constructor argument, which <c>clone</c> deep-copies, so a background learner starts with
    /// a copy of the member's score at the warning and a reset without one keeps it; regression metrics restart.
    /// </summary>
    protected abstract bool MetricSurvivesReset { get; }

    protected abstract void LearnOnce(TModel model, FeatureVector x, TTarget y);

    /// <summary>What the detectors see after the model learned (River computes it on the member's subspace).</summary>
    protected abstract double DetectorInput(TModel model, FeatureVector x, TTarget y);

    /// <summary>
    /// Reads what <see cref="WriteState"/> wrote into this member (a null detector is a disabled one, never written).
    /// States written before the background learner's metric was kept (<paramref name="backgroundMetricStored"/> false)
    /// give the background learner a fresh metric, as they did then.
    /// </summary>
    protected void ReadState(StateReader reader, Func<TModel> fresh, bool backgroundMetricStored)
    {
        int[]? features = ReadFeatures(reader);
        TModel model = fresh();
        model.ReadState(reader);
        TModel? background = null;
        int[]? backgroundFeatures = null;
        TMetric? backgroundMetric = null;
        if (reader.ReadBoolean())
        {
            backgroundFeatures = ReadFeatures(reader);
            StateReader.Require((features is null) == (backgroundFeatures is null), "A background learner with another kind of subspace.");
            background = fresh();
            background.ReadState(reader);
            if (MetricSurvivesReset && backgroundMetricStored)
            {
                backgroundMetric = (TMetric)Metric.CloneFresh();
                backgroundMetric.ReadState(reader);
            }
        }

        Metric.ReadState(reader);
        Drift?.ReadState(reader);
        Warning?.ReadState(reader);
        int drifts = reader.ReadInt32();
        int warnings = reader.ReadInt32();
        StateReader.Require(drifts >= 0 && warnings >= 0, "Negative drift or warning count.");
        Model = model;
        Features = features;
        Background = background;
        BackgroundFeatures = backgroundFeatures;
        BackgroundMetric = backgroundMetric;
        DriftCount = drifts;
        WarningCount = warnings;
    }

    private void Detect(FeatureVector x, double input, PythonRandom rng)
    {
        if (Warning is not null)
        {
            Warning.Update(input);
            if (Warning.DriftDetected)
            {
                WarningCount++;
                BackgroundFeatures = Features is null ? null : SRPSubspaces.Draw(x, Features.Length, rng);
                Background = (TModel)Model.CloneFresh();
                BackgroundMetric = MetricSurvivesReset ? CopyOf(Metric) : null;
                Warning = Warning.CloneFresh();
            }
        }

        Drift!.Update(input);
        if (!Drift.DriftDetected)
        {
            return;
        }

        DriftCount++;
        if (Warning is not null && Background is not null)
        {
            Model = Background;
            Features = BackgroundFeatures;
            Metric = BackgroundMetric ?? (TMetric)Metric.CloneFresh();
            Background = null;
            BackgroundFeatures = null;
            BackgroundMetric = null;
            Warning = Warning.CloneFresh();
        }
        else
        {
            // River keeps the warning detector's state here: only the background swap replaces it.
            Features = Features is null ? null : SRPSubspaces.Draw(x, Features.Length, rng);
            Model = (TModel)Model.CloneFresh();
            Metric = MetricSurvivesReset ? Metric : (TMetric)Metric.CloneFresh();
        }

        Drift = Drift.CloneFresh();
    }

    private static TMetric CopyOf(TMetric metric)
    {
        var copy = (TMetric)metric.CloneFresh();
        copy.ReadState(new StateReader(metric.SerializeState()));
        return copy;
    }

    private static void WriteFeatures(StateWriter writer, int[]? features)
    {
        writer.WriteBoolean(features is not null);
        if (features is not null)
        {
            writer.WriteInt32s(features);
        }
    }

    private static int[]? ReadFeatures(StateReader reader)
    {
        if (!reader.ReadBoolean())
        {
            return null;
        }

        int[] features = reader.ReadInt32s();
        foreach (int feature in features)
        {
            StateReader.Require(feature >= 0, "A subspace holds a negative feature.");
        }

        return features;
    }
}
