namespace Eddy.Metrics;

/// <summary>River: <c>utils.Rolling</c> / <c>utils.TimeRolling</c> as factories: <c>Rolling.Of(new Mae(), 100)</c>.</summary>
public static class Rolling
{
    public static RollingClassificationMetric Of(ClassificationMetric metric, int windowSize) => new(metric, windowSize);

    public static RollingRegressionMetric Of(RegressionMetric metric, int windowSize) => new(metric, windowSize);

    public static TimeRollingClassificationMetric Of(ClassificationMetric metric, TimeSpan period) => new(metric, period);

    public static TimeRollingRegressionMetric Of(RegressionMetric metric, TimeSpan period) => new(metric, period);
}
