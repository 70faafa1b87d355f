using Eddy.Base;

namespace Eddy.Tests.Base;

public sealed class LabelTests
{
    [Fact]
    public void Equality_BooleanIntegerAndNumber_FollowPython()
    {
        Assert.Equal(Label.True, Label.FromInteger(1));
        Assert.Equal(Label.False, Label.FromInteger(0));
        Assert.Equal(Label.FromInteger(3), Label.FromNumber(3.0));
        Assert.Equal(Label.True.GetHashCode(), Label.FromInteger(1).GetHashCode());
        Assert.NotEqual(Label.FromText("1"), Label.FromInteger(1));
        Assert.NotEqual(Label.None, Label.False);
    }

    [Fact]
    public void ToBinary_ZeroOneTrueFalse_Accepted()
    {
        Assert.True(Label.FromInteger(1).ToBinary());
        Assert.False(Label.FromInteger(0).ToBinary());
        Assert.True(Label.True.ToBinary());
        Assert.False(Label.FromNumber(0.0).ToBinary());
    }

    [Fact]
    public void ToBinary_OtherValues_ThrowInvalidLabel()
    {
        Assert.Throws<InvalidLabelException>(() => Label.FromInteger(2).ToBinary());
        Assert.Throws<InvalidLabelException>(() => Label.FromText("yes").ToBinary());
        Assert.Throws<InvalidLabelException>(() => Label.None.ToBinary());
    }

    [Fact]
    public void FromNumber_NonFinite_ThrowsInvalidLabel()
    {
        Assert.Throws<InvalidLabelException>(() => Label.FromNumber(double.NaN));
        Assert.Throws<InvalidLabelException>(() => Label.FromNumber(double.PositiveInfinity));
    }

    [Fact]
    public void ToString_PrintsPythonRepr()
    {
        Assert.Equal("True", Label.True.ToString());
        Assert.Equal("7", Label.FromInteger(7).ToString());
        Assert.Equal("grass", Label.FromText("grass").ToString());
        Assert.Equal("None", Label.None.ToString());
    }
}
