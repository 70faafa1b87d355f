using Eddy.Utils;

namespace Eddy.Tests.Utils;

public sealed class PythonMathTests
{
    /// <summary>Pairs printed by <c>python3 -c "import math; print(repr(math.erf(x)))"</c> (CPython on glibc).</summary>
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(5e-324, 5e-324)]
    [InlineData(-1e-310, -1.1283791670955e-310)]
    [InlineData(1e-300, 1.1283791670955126e-300)]
    [InlineData(1e-20, 1.1283791670955125e-20)]
    [InlineData(-3.7e-09, -4.1750029182533965e-09)]
    [InlineData(3.725290298461914e-09, 4.203539964167448e-09)]
    [InlineData(1e-05, 1.1283791670579e-05)]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(-0.25, -0.2763263901682369)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(-0.5, -0.5204998778130465)]
    [InlineData(0.8, 0.7421009647076605)]
    [InlineData(0.84374, 0.7672201241832406)]
    [InlineData(0.84375, 0.7672256612323416)]
    [InlineData(-0.9, -0.7969082124228322)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(1.1, 0.8802050695740817)]
    [InlineData(-1.2, -0.9103139782296353)]
    [InlineData(1.2499, 0.922876473187532)]
    [InlineData(1.25, 0.9229001282564582)]
    [InlineData(1.5, 0.9661051464753108)]
    [InlineData(-2.0, -0.9953222650189527)]
    [InlineData(2.5, 0.999593047982555)]
    [InlineData(2.857, 0.9999466417399131)]
    [InlineData(2.8571428571428577, 0.9999466876886117)]
    [InlineData(-2.9, -0.9999589021219005)]
    [InlineData(3.0, 0.9999779095030014)]
    [InlineData(3.5, 0.9999992569016276)]
    [InlineData(-4.0, -0.9999999845827421)]
    [InlineData(4.5, 0.9999999998033839)]
    [InlineData(5.0, 0.9999999999984626)]
    [InlineData(5.5, 0.9999999999999927)]
    [InlineData(5.9, 0.9999999999999999)]
    [InlineData(5.99, 1.0)]
    [InlineData(6.0, 1.0)]
    [InlineData(-6.5, -1.0)]
    [InlineData(27.0, 1.0)]
    [InlineData(1e+300, 1.0)]
    [InlineData(-2.114007, -0.9972070946273841)]
    [InlineData(-4.18981, -0.9999999968824591)]
    [InlineData(1.811214, 0.9895761776312533)]
    [InlineData(-5.130765, -0.9999999999996013)]
    [InlineData(0.430584, 0.45743428737815656)]
    [InlineData(-1.611733, -0.9773528212641407)]
    [InlineData(-5.304013, -0.9999999999999367)]
    [InlineData(0.089229, 0.10041757224203961)]
    [InlineData(-5.550052, -0.9999999999999958)]
    [InlineData(-0.796252, -0.7398642686318054)]
    [InlineData(-5.161735, -0.9999999999997118)]
    [InlineData(-4.911444, -0.9999999999962376)]
    [InlineData(-0.90577, -0.799789550348833)]
    [InlineData(3.922225, 0.9999999709160864)]
    [InlineData(-4.514376, -0.9999999998278075)]
    [InlineData(-3.321132, -0.9999973571797667)]
    [InlineData(1.529199, 0.9694291167693672)]
    [InlineData(5.372507, 0.9999999999999699)]
    [InlineData(0.925235, 0.809289407319393)]
    [InlineData(-1.239834, -0.9204649235967419)]
    public void Erf_Value_BitIdenticalToPython(double x, double expected)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(PythonMath.Erf(x)));
    }

    [Fact]
    public void Erf_SpecialValues_AsPython()
    {
        Assert.Equal(1.0, PythonMath.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, PythonMath.Erf(double.NegativeInfinity));
        Assert.True(double.IsNaN(PythonMath.Erf(double.NaN)));
        Assert.True(double.IsNegative(PythonMath.Erf(-0.0)));
    }

    [Fact]
    public void Erf_Odd_ForEveryBranch()
    {
        for (double x = 0.0; x < 7.0; x += 0.0137)
        {
            Assert.Equal(-PythonMath.Erf(x), PythonMath.Erf(-x));
        }
    }
}
