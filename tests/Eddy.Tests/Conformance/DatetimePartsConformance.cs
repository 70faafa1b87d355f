using Eddy.Base;
using Eddy.Datasets;
using Eddy.FeatureExtraction;

namespace Eddy.Tests.Conformance;

public sealed class DatetimePartsConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(DatetimeParts);

    /// <summary>TrumpApproval's ordinal day (a number) read as epoch seconds; the other features pass through.</summary>
    protected override Dataset Stream => ConformanceData.TrumpApproval;

    protected override Estimator Create() => new DatetimeParts(["ordinal_date"]);
}
