using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseForestMember</c>: one tree of an adaptive random forest, its vote metric, its warning and drift
/// detectors, and the background tree a warning starts. A background member's detectors and metric never see data,
/// so a swap only keeps its tree and starts the rest afresh. The classifier and regressor members differ only in the
/// error their detectors watch (and what that error needs remembered).
/// </summary>
internal abstract class ForestMember<TTree, TMetric>
    where TTree : Estimator
    where TMetric : Metric
{
    protected ForestMember(TTree model, TMetric metric, DriftDetector drift, DriftDetector warning)
    {
        Model = model;
        Metric = metric;
        Drift = drift;
        Warning = warning;
    }

    public TTree Model { get; private set; }

    public TTree? Background { get; private set; }

    public TMetric Metric { get; private set; }

    public DriftDetector Drift { get; private set; }

    public DriftDetector Warning { get; private set; }

    public int DriftCount { get; private set; }

    public int WarningCount { get; private set; }

    public void WriteState(StateWriter writer)
    {
        Model.WriteState(writer);
        writer.WriteBoolean(Background is not null);
        Background?.WriteState(writer);
        Metric.WriteState(writer);
        Drift.WriteState(writer);
        Warning.WriteState(writer);
        WriteErrorState(writer);
        writer.WriteInt32(DriftCount);
        writer.WriteInt32(WarningCount);
    }

    /// <summary>A fresh tree like <paramref name="tree"/> (same forest, feature count and random stream).</summary>
    protected abstract TTree NewTree(TTree tree);

    /// <summary>What the error needs remembered between examples (nothing, for a classifier).</summary>
    protected virtual void WriteErrorState(StateWriter writer)
    {
    }

    protected virtual void ReadErrorState(StateReader reader)
    {
    }

    protected virtual void ResetErrors()
    {
    }

    /// <summary>
    /// Reads what <see cref="WriteState"/> wrote into this member, built from <paramref name="template"/> with fresh
    /// metric and detectors (read into in place).
    /// </summary>
    protected void ReadState(StateReader reader, TTree template)
    {
        TTree model = NewTree(template);
        model.ReadState(reader);
        TTree? background = null;
        if (reader.ReadBoolean())
        {
            background = NewTree(template);
            background.ReadState(reader);
        }

        Metric.ReadState(reader);
        Drift.ReadState(reader);
        Warning.ReadState(reader);
        ReadErrorState(reader);
        int drifts = reader.ReadInt32();
        int warnings = reader.ReadInt32();
        StateReader.Require(drifts >= 0 && warnings >= 0, "Negative drift or warning count.");
        Model = model;
        Background = background;
        DriftCount = drifts;
        WarningCount = warnings;
    }

    /// <summary>River's <c>BaseForestMember.learn_one</c> after the trees learned: the detectors see the tree's error.</summary>
    protected void Observe(double error)
    {
        Warning.Update(error);
        if (Warning.DriftDetected)
        {
            WarningCount++;
            Background = NewTree(Model);
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
                Model = NewTree(Model);
            }

            Drift = Drift.CloneFresh();
            Metric = (TMetric)Metric.CloneFresh();
            ResetErrors();
        }
    }
}
