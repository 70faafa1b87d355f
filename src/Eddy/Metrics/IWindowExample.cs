using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// One update kept by a rolling window (<see cref="CountWindow{TExample, TMetric}"/>, <see cref="TimeWindow{TExample, TMetric}"/>):
/// what it takes to revert it from the wrapped metric and to save it. A struct, so windows hold examples inline and
/// the steady state allocates nothing.
/// </summary>
internal interface IWindowExample<TSelf, TMetric>
    where TSelf : struct, IWindowExample<TSelf, TMetric>
    where TMetric : Metric
{
    /// <summary>Undoes this example's update on <paramref name="metric"/> (River's <c>metric.revert</c>).</summary>
    public void RevertFrom(TMetric metric);

    public void Write(StateWriter writer);

    /// <summary>Reads one example written by <see cref="Write"/>, validated.</summary>
    public static abstract TSelf Read(StateReader reader);
}
