using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Ensembles;

/// <summary>River's <c>BaseSRPClassifier</c>: its detectors watch whether the updated model misclassifies the example.</summary>
internal sealed class SRPClassifierMember(Classifier model, int[]? features, ClassificationMetric metric, DriftDetector? drift, DriftDetector? warning)
    : SRPMember<Classifier, ClassificationMetric, Label>(model, features, metric, drift, warning)
{
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

    /// <summary>Reads a member into the fresh objects given (a null detector is a disabled one, never written).</summary>
    public static SRPClassifierMember Read(
        StateReader reader, Func<Classifier> fresh, ClassificationMetric metric, DriftDetector? drift, DriftDetector? warning, bool backgroundMetricStored)
    {
        var member = new SRPClassifierMember(fresh(), null, metric, drift, warning);
        member.ReadState(reader, fresh, backgroundMetricStored);
        return member;
    }

    protected override bool MetricSurvivesReset => true;

    protected override void LearnOnce(Classifier model, FeatureVector x, Label y) => model.LearnOne(x, y);

    protected override double DetectorInput(Classifier model, FeatureVector x, Label y) => ArgMax(model, x) == y ? 0.0 : 1.0;

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
}
