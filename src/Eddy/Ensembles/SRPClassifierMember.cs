using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseSRPClassifier</c>: one member's model and subspace, its vote metric, its detectors and the
/// background model (with its own subspace) a warning starts. A background learner's metric and detectors never see
/// data, so a swap keeps only its model and subspace and starts the rest afresh.
/// </summary>
internal sealed class SRPClassifierMember
{
    public SRPClassifierMember(Classifier model, int[]? features, ClassificationMetric metric, DriftDetector? drift, DriftDetector? warning)
    {
        Model = model;
        Features = features;
        Metric = metric;
        Drift = drift;
        Warning = warning;
    }

    public Classifier Model { get; private set; }

    /// <summary>The member's subspace (schema indices, River's order); null when it sees every feature.</summary>
    public int[]? Features { get; private set; }

    public Classifier? Background { get; private set; }

    public int[]? BackgroundFeatures { get; private set; }

    public ClassificationMetric Metric { get; private set; }

    public DriftDetector? Drift { get; private set; }

    public DriftDetector? Warning { get; private set; }

    public int DriftCount { get; private set; }

    public int WarningCount { get; private set; }

    /// <summary>River's <c>predict_proba_one</c> on the member's subspace.</summary>
    public bool PredictProba(FeatureVector x, ClassProbabilities output)
    {
        FeatureVector subset = SRPSubspaces.Select(x, Features);
        try
        {
            return Model.PredictProbaOne(subset, output);
        }
        finally
        {
            SRPSubspaces.Release(x, subset);
        }
    }

    /// <summary>River's <c>predict_one</c>: the argmax of the probabilities, None when there are none.</summary>
    public Label Predict(FeatureVector x)
    {
        FeatureVector subset = SRPSubspaces.Select(x, Features);
        try
        {
            return ArgMax(Model, subset);
        }
        finally
        {
            SRPSubspaces.Release(x, subset);
        }
    }

    /// <summary>River's <c>learn_one</c>: k unit-weight updates, then drift detection on the updated model's error.</summary>
    public void Learn(FeatureVector x, Label y, int k, PythonRandom rng)
    {
        FeatureVector subset = SRPSubspaces.Select(x, Features);
        try
        {
            for (int i = 0; i < k; i++)
            {
                Model.LearnOne(subset, y);
            }

            if (Background is not null)
            {
                FeatureVector backgroundSubset = SRPSubspaces.Select(x, BackgroundFeatures);
                try
                {
                    for (int i = 0; i < k; i++)
                    {
                        Background.LearnOne(backgroundSubset, y);
                    }
                }
                finally
                {
                    SRPSubspaces.Release(x, backgroundSubset);
                }
            }

            if (Drift is null)
            {
                return;
            }

            double error = ArgMax(Model, subset) == y ? 0.0 : 1.0;
            Detect(x, error, rng);
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
        }

        Metric.WriteState(writer);
        Drift?.WriteState(writer);
        Warning?.WriteState(writer);
        writer.WriteInt32(DriftCount);
        writer.WriteInt32(WarningCount);
    }

    /// <summary>Reads a member into the fresh objects given (a null detector is a disabled one, never written).</summary>
    public static SRPClassifierMember Read(
        StateReader reader, Func<Classifier> fresh, ClassificationMetric metric, DriftDetector? drift, DriftDetector? warning)
    {
        int[]? features = ReadFeatures(reader);
        Classifier model = fresh();
        model.ReadState(reader);
        Classifier? background = null;
        int[]? backgroundFeatures = null;
        if (reader.ReadBoolean())
        {
            backgroundFeatures = ReadFeatures(reader);
            StateReader.Require((features is null) == (backgroundFeatures is null), "A background learner with another kind of subspace.");
            background = fresh();
            background.ReadState(reader);
        }

        metric.ReadState(reader);
        drift?.ReadState(reader);
        warning?.ReadState(reader);
        int drifts = reader.ReadInt32();
        int warnings = reader.ReadInt32();
        StateReader.Require(drifts >= 0 && warnings >= 0, "Negative drift or warning count.");
        return new SRPClassifierMember(model, features, metric, drift, warning)
        {
            Background = background,
            BackgroundFeatures = backgroundFeatures,
            DriftCount = drifts,
            WarningCount = warnings,
        };
    }

    private void Detect(FeatureVector x, double error, PythonRandom rng)
    {
        if (Warning is not null)
        {
            Warning.Update(error);
            if (Warning.DriftDetected)
            {
                WarningCount++;
                BackgroundFeatures = Features is null ? null : SRPSubspaces.Draw(x, Features.Length, rng);
                Background = (Classifier)Model.CloneFresh();
                Warning = Warning.CloneFresh();
            }
        }

        Drift!.Update(error);
        if (!Drift.DriftDetected)
        {
            return;
        }

        DriftCount++;
        if (Warning is not null && Background is not null)
        {
            Model = Background;
            Features = BackgroundFeatures;
            Background = null;
            BackgroundFeatures = null;
            Warning = Warning.CloneFresh();
        }
        else
        {
            // River keeps the warning detector's state here: only the background swap replaces it.
            Features = Features is null ? null : SRPSubspaces.Draw(x, Features.Length, rng);
            Model = (Classifier)Model.CloneFresh();
        }

        Metric = (ClassificationMetric)Metric.CloneFresh();
        Drift = Drift.CloneFresh();
    }

    private static Label ArgMax(Classifier model, FeatureVector x)
    {
        ClassProbabilities probabilities = ScratchPool.RentProbabilities();
        try
        {
            return model.PredictProbaOne(x, probabilities) ? probabilities.ArgMax() : Label.None;
        }
        finally
        {
            ScratchPool.Return(probabilities);
        }
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
