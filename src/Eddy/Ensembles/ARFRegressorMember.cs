using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Trees;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>ForestMemberRegressor</c>: one tree of the forest, its metric, its warning and drift detectors fed
/// the tree's normalized error, and the background tree a warning starts. A background member's detectors, metric and
/// error statistics never see data, so a swap only keeps its tree and starts the rest afresh.
/// </summary>
internal sealed class ARFRegressorMember
{
    private VarianceStats _errors;

    public ARFRegressorMember(ARFTreeRegressor model, RegressionMetric metric, DriftDetector drift, DriftDetector warning)
    {
        Model = model;
        Metric = metric;
        Drift = drift;
        Warning = warning;
    }

    public ARFTreeRegressor Model { get; private set; }

    public ARFTreeRegressor? Background { get; private set; }

    public RegressionMetric Metric { get; private set; }

    public DriftDetector Drift { get; private set; }

    public DriftDetector Warning { get; private set; }

    public int DriftCount { get; private set; }

    public int WarningCount { get; private set; }

    /// <summary>River's <c>BaseForestMember.learn_one</c>: drift detection sees the tree's error after it learned.</summary>
    public void Learn(FeatureVector x, double y, int k)
    {
        Model.LearnOne(x, y, k);
        Background?.LearnOne(x, y, k);
        double error = AdaptiveTreeOps.NormalizeError(ref _errors, y, Model.PredictOne(x));
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
            Metric = (RegressionMetric)Metric.CloneFresh();
            _errors = default;
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
        _errors.WriteState(writer);
        writer.WriteInt32(DriftCount);
        writer.WriteInt32(WarningCount);
    }

    /// <summary>Reads a member; <paramref name="template"/> supplies fresh trees, metric and detectors to read into.</summary>
    public static ARFRegressorMember Read(StateReader reader, ARFTreeRegressor template, RegressionMetric metric, DriftDetector drift, DriftDetector warning)
    {
        ARFTreeRegressor model = template.NewInstance();
        model.ReadState(reader);
        ARFTreeRegressor? background = null;
        if (reader.ReadBoolean())
        {
            background = template.NewInstance();
            background.ReadState(reader);
        }

        metric.ReadState(reader);
        drift.ReadState(reader);
        warning.ReadState(reader);
        VarianceStats errors = VarianceStats.Read(reader);
        int drifts = reader.ReadInt32();
        int warnings = reader.ReadInt32();
        StateReader.Require(errors.IsFinite && errors.N >= 0, "Invalid error statistics in a forest member.");
        StateReader.Require(drifts >= 0 && warnings >= 0, "Negative drift or warning count.");
        return new ARFRegressorMember(model, metric, drift, warning)
        {
            Background = background,
            DriftCount = drifts,
            WarningCount = warnings,
            _errors = errors,
        };
    }
}
