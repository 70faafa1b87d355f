using Eddy.Base;
using Eddy.Compose;

namespace Eddy.Tests.Conformance;

public sealed class SelectConformance : EstimatorConformance
{
    public override Type EstimatorType => typeof(Select);

    protected override Estimator Create() => new Select("popup_window", "https", "age_of_domain");
}
