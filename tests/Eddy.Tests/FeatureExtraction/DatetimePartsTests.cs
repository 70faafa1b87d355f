using Eddy.Base;
using Eddy.FeatureExtraction;
using Eddy.Specs;

namespace Eddy.Tests.FeatureExtraction;

public sealed class DatetimePartsTests
{
    private static string Transform(DatetimeParts parts, FeatureVector x)
    {
        var output = new FeatureVector(x.Schema) { Interning = false };
        parts.TransformOne(x, output);
        return output.ToString();
    }

    [Theory]
    [InlineData("2024-03-05T14:30:00Z", "{'ts_year': 2024, 'ts_month': 3, 'ts_day': 5, 'ts_weekday': 1, 'ts_hour': 14, 'n': 1}")]
    [InlineData("2024-03-10", "{'ts_year': 2024, 'ts_month': 3, 'ts_day': 10, 'ts_weekday': 6, 'ts_hour': 0, 'n': 1}")]
    [InlineData("2024-03-04T23:30:00-02:00", "{'ts_year': 2024, 'ts_month': 3, 'ts_day': 5, 'ts_weekday': 1, 'ts_hour': 1, 'n': 1}")]
    public void Transform_IsoText_PartsInUtcAndPassThrough(string text, string expected)
    {
        var x = new FeatureVector(new FeatureSchema());
        x.SetCategorical("ts", text);
        x.Set("n", 1);
        Assert.Equal(expected, Transform(new DatetimeParts(["ts"]), x));
    }

    [Fact]
    public void Transform_EpochSecondsAndChosenParts()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("t", 86_400 * 3 + 3_600 * 5);
        Assert.Equal("{'t_weekday': 6, 't_hour': 5}", Transform(new DatetimeParts(["t"], ["weekday", "hour"]), x));
    }

    [Fact]
    public void Transform_NotADate_InvalidFeature()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.SetCategorical("ts", "yesterday");
        Assert.Equal("ts", Assert.Throws<InvalidFeatureException>(() => Transform(new DatetimeParts(["ts"]), x)).FeatureName);
        x.SetCategorical("ts", "2024-13-40");
        Assert.Throws<InvalidFeatureException>(() => Transform(new DatetimeParts(["ts"]), x));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new DatetimeParts([]));
        Assert.Throws<ArgumentException>(() => new DatetimeParts(["ts"], ["minute"]));
    }

    [Theory]
    [InlineData("DatetimeParts(on='ts')", "DatetimeParts(on=['ts'], parts=['year', 'month', 'day', 'weekday', 'hour'])")]
    [InlineData("DatetimeParts(['a', 'b'], ['hour'])", "DatetimeParts(on=['a', 'b'], parts=['hour'])")]
    public void Spec_Expression_BuildsDatetimeParts(string text, string repr)
    {
        Assert.Equal(repr, ModelSpec.Parse(text).BuildEstimator().ToString());
    }
}
