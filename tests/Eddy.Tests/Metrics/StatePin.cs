using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>Pins a metric's saved state to the byte: the format is durable, so a refactoring must not move a bit.</summary>
internal static class StatePin
{
    public static void Bytes(string expectedHex, Metric metric) =>
        Assert.Equal(expectedHex, Convert.ToHexString(metric.SerializeState()));
}
