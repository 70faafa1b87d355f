using Eddy.Base;
using Eddy.FeatureExtraction;
using Eddy.Stats;

namespace Eddy.Tests.Conformance;

public sealed class TargetAggConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(TargetAgg);

    /// <summary>Phishing's boolean target counts as 0/1; grouped by two numeric features.</summary>
    protected override Estimator Create() => new TargetAgg(["ip_in_url", "is_popular"], new BayesianMean(0.5, 2));
}
