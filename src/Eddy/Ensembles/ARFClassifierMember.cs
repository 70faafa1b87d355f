using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>ForestMemberClassifier</c>: one tree of the forest, its vote metric, its warning and drift detectors and
/// the background tree a warning starts. A background member's detectors and metric never see data, so a swap only
/// keeps its tree and starts the rest afresh.
/// </summary>
internal sealed class ARFClassifierMember
{
    public ARFClassifierMember(ARFTreeClassifier model, ClassificationMetric metric, DriftDetector drift, DriftDetector warning)
    {
        Model = model;
        Metric = metric;
        Drift = drift;
        Warning = warning;
    }

    public ARFTreeClassifier Model { get; private set; }

    public ARFTreeClassifier? Background { get; private set; }

    public ClassificationMetric Metric { get; private set; }

    public DriftDetector Drift { get; private set; }

    public DriftDetector Warning { get; private set; }

    public int DriftCount { get; private set; }

    public int WarningCount { get; private set; }

    /// <summary>River's <c>BaseForestMember.learn_one</c>: drift detection sees the tree's error after it learned.</summary>
    public void Learn(FeatureVector x, Label y, int k)
    {
        Model.LearnOne(x, y, k);
        Background?.LearnOne(x, y, k);
        double error = Model.PredictOne(x) == y ? 0.0 : 1.0;
        Warning.Update(error);
        if (Warning.DriftDetected)
        {
            WarningCount++;
            Background = Model.NewInstance();
            Warning = Warning.CloneFresh();
        }

        Drift.Update(error);
        if (Drift.DriftDetected)
        {
            DriftCount++;
            if (Background is not null)
            {
                Model = Background;
                Background = null;
                Warning = Warning.CloneFresh();
            }
            else
            {
                Model = Model.NewInstance();
            }

            Drift = Drift.CloneFresh();
            Metric = (ClassificationMetric)Metric.CloneFresh();
        }
    }

    public long EstimateBytes() => 128 + Model.Tree.EstimateTreeBytes() + (Background?.Tree.EstimateTreeBytes() ?? 0);

    public void WriteState(StateWriter writer)
    {
        Model.WriteState(writer);
        writer.WriteBoolean(Background is not null);
        Background?.WriteState(writer);
        Metric.WriteState(writer);
        Drift.WriteState(writer);
        Warning.WriteState(writer);
        writer.WriteInt32(DriftCount);
        writer.WriteInt32(WarningCount);
    }

    /// <summary>Reads a member; <paramref name="template"/> supplies fresh trees, metric and detectors to read into.</summary>
    public static ARFClassifierMember Read(StateReader reader, ARFTreeClassifier template, ClassificationMetric metric, DriftDetector drift, DriftDetector warning)
    {
        ARFTreeClassifier model = template.NewInstance();
        model.ReadState(reader);
        ARFTreeClassifier? background = null;
        if (reader.ReadBoolean())
        {
            background = template.NewInstance();
            background.ReadState(reader);
        }

        metric.ReadState(reader);
        drift.ReadState(reader);
        warning.ReadState(reader);
        int drifts = reader.ReadInt32();
        int warnings = reader.ReadInt32();
        StateReader.Require(drifts >= 0 && warnings >= 0, "Negative drift or warning count.");
        return new ARFClassifierMember(model, metric, drift, warning) { Background = background, DriftCount = drifts, WarningCount = warnings };
    }
}
