using Eddy.Evaluate;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Eddy.Tests.Support;
using Eddy.Trees;

namespace Eddy.Tests.Trees;

public sealed class HoeffdingTreeRegressorTests
{
    [Theory]
    [InlineData("MAE")]
    [InlineData("RMSE")]
    [InlineData("R2")]
    public void Reference_ScaledTrumpApproval_MatchesRiver(string metric)
    {
        Checkpoint result = ProgressiveValidation.Score(new StandardScaler() | new HoeffdingTreeRegressor(), Harness.TrumpApproval(), [Metric(metric)]);
        Reference.AssertClose(Reference.Current("TrumpApproval", "StandardScaler | HoeffdingTreeRegressor()", metric), result.Values[0], 1e-6, metric);
    }

    [Theory]
    [InlineData("MAE")]
    [InlineData("RMSE")]
    [InlineData("R2")]
    public void Reference_UnscaledTrumpApproval_MatchesRiversDivergence(string metric)
    {
        Checkpoint result = ProgressiveValidation.Score(new HoeffdingTreeRegressor(), Harness.TrumpApproval(), [Metric(metric)]);
        Reference.AssertClose(Reference.Current("TrumpApproval", "HoeffdingTreeRegressor()", metric), result.Values[0], 1e-6, metric);
    }

    private static RegressionMetric Metric(string name) => name switch
    {
        "MAE" => new Mae(),
        "RMSE" => new Rmse(),
        _ => new R2(),
    };
}
