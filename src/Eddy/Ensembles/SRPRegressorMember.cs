using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseSRPRegressor</c>: its detectors watch the updated model's prediction, or its absolute error
/// (<c>drift_detection_criteria</c>).
/// </summary>
internal sealed class SRPRegressorMember(
    Regressor model, int[]? features, RegressionMetric metric, DriftDetector? drift, DriftDetector? warning, bool watchError)
    : SRPMember<Regressor, RegressionMetric, double>(model, features, metric, drift, warning)
{
    /// <summary>River's <c>predict_one</c> on the member's subspace.</summary>
    public double Predict(FeatureVector x)
    {
        FeatureVector subset = SRPSubspaces.Select(x, Features);
        try
        {
            return Model.PredictOne(subset);
        }
        finally
        {
            SRPSubspaces.Release(x, subset);
        }
    }

    /// <summary>Reads a member into the fresh objects given (a null detector is a disabled one, never written).</summary>
    public static SRPRegressorMember Read(
        StateReader reader, Func<Regressor> fresh, RegressionMetric metric, DriftDetector? drift, DriftDetector? warning, bool watchError)
    {
        var member = new SRPRegressorMember(fresh(), null, metric, drift, warning, watchError);
        member.ReadState(reader, fresh, backgroundMetricStored: false);
        return member;
    }

    protected override bool MetricSurvivesReset => false;

    protected override void LearnOnce(Regressor model, FeatureVector x, double y) => model.LearnOne(x, y);

    protected override double DetectorInput(Regressor model, FeatureVector x, double y)
    {
        double prediction = model.PredictOne(x);
        return watchError ? Math.Abs(prediction - y) : prediction;
    }
}
