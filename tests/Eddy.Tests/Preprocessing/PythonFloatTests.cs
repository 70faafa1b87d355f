using Eddy.Preprocessing;

namespace Eddy.Tests.Preprocessing;

public sealed class PythonFloatTests
{
    // Expected strings are CPython 3.11's repr() of the same doubles.
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00012345, "0.00012345")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(1234.5e10, "12345000000000.0")]
    [InlineData(123456789.123, "123456789.123")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0 / 3.0, "0.3333333333333333")]
    [InlineData(100.0, "100.0")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(12345678901234567890.0, "1.2345678901234567e+19")]
    [InlineData(-2.0, "-2.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    public void Repr_Double_MatchesPython(double value, string expected)
    {
        Assert.Equal(expected, PythonFloat.Repr(value));
    }
}
