using Eddy.Utils;

namespace Eddy.Tests.Utils;

// CPython 3.12's sum: sum([0.1] * 10) == 1.0 and sum([1e100, 1.0, -1e100]) == 1.0 (What's New in Python 3.12).
public sealed class PythonSumTests
{
    [Fact]
    public void Of_TenTenths_IsOneAsCPython312()
    {
        double[] tenths = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
        Assert.Equal(1.0, PythonSum.Of(tenths));
    }

    [Fact]
    public void Of_CancellingLargeValues_KeepsTheSmallOne()
    {
        Assert.Equal(1.0, PythonSum.Of([1e100, 1.0, -1e100]));
    }

    [Fact]
    public void Of_EmptyAndSingle_ZeroAndItself()
    {
        Assert.Equal(0.0, PythonSum.Of([]));
        Assert.Equal(-0.0, PythonSum.Of([-0.0]));
        Assert.True(double.IsNegative(PythonSum.Of([-0.0])));
        Assert.Equal(double.PositiveInfinity, PythonSum.Of([1.0, double.PositiveInfinity]));
    }
}
