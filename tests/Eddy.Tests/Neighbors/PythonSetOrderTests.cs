using Eddy.Base;
using Eddy.Neighbors;

namespace Eddy.Tests.Neighbors;

public sealed class PythonSetOrderTests
{
    [Fact]
    public void Order_Booleans_FalseFirst() => AssertOrder([Label.True, Label.False], [Label.False, Label.True]);

    [Fact]
    public void Order_SmallIntegers_Ascending() => AssertOrder([3, 1, 2], [1, 2, 3]);

    [Fact]
    public void Order_Collisions_ProbeLinearly() => AssertOrder([8, 0, 16, 1], [8, 0, 16, 1]);

    [Fact]
    public void Order_Resized_CPythonIterationOrder() =>
        AssertOrder([10, 20, 30, 40, 50, 60, 70], [70, 40, 10, 50, 20, 60, 30]);

    [Fact]
    public void Order_NegativeAndHugeIntegers_CPythonIterationOrder() =>
        AssertOrder(
            [5, -1, -2, 100, 7, 64, 9, 33, 1L << 62, 17],
            [64, 33, 1L << 62, 100, 5, 7, 9, 17, -2, -1]);

    [Fact]
    public void Order_Floats_CPythonIterationOrder() =>
        AssertOrder([0.5, 1.5, -2.25, 1e300, 3], [0.5, 1.5, 3, 1e300, -2.25]);

    [Fact]
    public void Order_TextClasses_FirstSeen() => AssertOrder(["b", "a", "c"], ["b", "a", "c"]);

    [Theory]
    [InlineData(0.5, 1152921504606846976L)]
    [InlineData(1.5, 1152921504606846977L)]
    [InlineData(-2.25, -576460752303423490L)]
    [InlineData(1e300, 1224995262755759164L)]
    [InlineData(-1.0, -2L)]
    public void Hash_Number_CPythonHash(double value, long expected) => Assert.Equal(expected, PythonSetOrder.Hash(value));

    private static void AssertOrder(Label[] added, Label[] expected)
    {
        var classes = new ClassTable();
        foreach (Label label in added)
        {
            classes.Intern(label);
        }

        int[] order = PythonSetOrder.Order(classes);
        Assert.Equal(expected, order.Select(c => classes[c]));
    }
}
