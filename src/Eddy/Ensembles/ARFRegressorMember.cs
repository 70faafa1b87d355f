using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Trees;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>ForestMemberRegressor</c>: its detectors watch the tree's error normalized by the running statistics of
/// its errors, which a drift resets.
/// </summary>
internal sealed class ARFRegressorMember(ARFTreeRegressor model, RegressionMetric metric, DriftDetector drift, DriftDetector warning)
    : ForestMember<ARFTreeRegressor, RegressionMetric>(model, metric, drift, warning)
{
    private VarianceStats _errors;

    public void Learn(FeatureVector x, double y, int k)
    {
        Model.LearnOne(x, y, k);
        Background?.LearnOne(x, y, k);
        Observe(AdaptiveTreeOps.NormalizeError(ref _errors, y, Model.PredictOne(x)));
    }

    public long EstimateBytes() => 128 + Model.Tree.EstimateTreeBytes() + (Background?.Tree.EstimateTreeBytes() ?? 0);

    /// <summary>Reads a member; <paramref name="template"/> supplies fresh trees, metric and detectors to read into.</summary>
    public static ARFRegressorMember Read(StateReader reader, ARFTreeRegressor template, RegressionMetric metric, DriftDetector drift, DriftDetector warning)
    {
        var member = new ARFRegressorMember(template, metric, drift, warning);
        member.ReadState(reader, template);
        return member;
    }

    protected override ARFTreeRegressor NewTree(ARFTreeRegressor tree) => tree.NewInstance();

    protected override void WriteErrorState(StateWriter writer) => _errors.WriteState(writer);

    protected override void ReadErrorState(StateReader reader)
    {
        VarianceStats errors = VarianceStats.Read(reader);
        StateReader.Require(errors.IsFinite && errors.N >= 0, "Invalid error statistics in a forest member.");
        _errors = errors;
    }

    protected override void ResetErrors() => _errors = default;
}
