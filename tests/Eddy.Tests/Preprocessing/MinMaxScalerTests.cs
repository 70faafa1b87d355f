using System.Buffers;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Preprocessing;
using Eddy.Serialization;
using static Eddy.Tests.Support.TransformerHarness;

namespace Eddy.Tests.Preprocessing;

public sealed class MinMaxScalerTests
{
    // River's docstring input: random.seed(42); [random.uniform(8, 12) for _ in range(5)].
    private static readonly double[] s_docstringX = [10.557707193831535, 8.100043020890668, 9.100117273476478, 8.892842952595291, 10.94588485665605];

    // River's doctest accepts its printed six decimals within 1e-6 (pytest's NUMBER comparison).
    [Fact]
    public void LearnThenTransform_RiverDocstring_MatchesRiverOutput()
    {
        double[] expected = [0.0, 0.0, 0.406920, 0.322582, 1.0];
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        for (int i = 0; i < s_docstringX.Length; i++)
        {
            FeatureVector x = Vector(schema, ("x", s_docstringX[i]));
            scaler.LearnOne(x);
            Assert.Equal(expected[i], Transform(scaler, x).ValueAt(0), tolerance: 1e-6);
        }
    }

    [Fact]
    public void TransformOne_ZeroRange_ReturnsZero()
    {
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        FeatureVector x = Vector(schema, ("a", 5.0));
        scaler.LearnOne(x);
        scaler.LearnOne(x);
        Assert.Equal(0.0, Transform(scaler, Vector(schema, ("a", 7.0))).ValueAt(0));
    }

    [Fact]
    public void TransformOne_OutsideLearnedRange_ExtrapolatesLinearly()
    {
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        scaler.LearnOne(Vector(schema, ("a", 0.0)));
        scaler.LearnOne(Vector(schema, ("a", 2.0)));
        Assert.Equal(1.5, Transform(scaler, Vector(schema, ("a", 3.0))).ValueAt(0));
        Assert.Equal(-0.5, Transform(scaler, Vector(schema, ("a", -1.0))).ValueAt(0));
    }

    [Fact]
    public void TransformOne_NeverSeenFeature_ScalesToZeroAndWritesNothing()
    {
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        scaler.LearnOne(Vector(schema, ("a", 1.0)));
        byte[] before = scaler.SerializeState();
        FeatureVector x = Vector(schema, interning: false, ("a", 3.0), ("new", 4.0));
        FeatureVector y = Transform(scaler, x);
        AssertPairs(y, ("a", 0.0), ("new", 0.0));
        Assert.Equal(before, scaler.SerializeState());
        Assert.Equal(1, schema.Count);
    }

    [Fact]
    public void LearnOne_EmergingAndDisappearingFeatures_KeepPerFeatureStatistics()
    {
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        scaler.LearnOne(Vector(schema, ("a", 1.0)));
        scaler.LearnOne(Vector(schema, ("b", 10.0)));
        scaler.LearnOne(Vector(schema, ("a", 3.0), ("b", 20.0)));
        Assert.True(schema.TryGetIndex("a", out int a));
        Assert.True(schema.TryGetIndex("b", out int b));
        Assert.Equal((1.0, 3.0), (scaler.MinOf(a), scaler.MaxOf(a)));
        Assert.Equal((10.0, 20.0), (scaler.MinOf(b), scaler.MaxOf(b)));
        AssertPairs(Transform(scaler, Vector(schema, ("b", 15.0))), ("b", 0.5));
    }

    [Fact]
    public void LearnOne_NonFiniteValue_ThrowsAndLeavesStateUnchanged()
    {
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        scaler.LearnOne(Vector(schema, ("a", 1.0)));
        byte[] before = scaler.SerializeState();
        Assert.Throws<InvalidFeatureException>(() => scaler.LearnOne(Vector(schema, ("a", 2.0), ("b", double.NaN))));
        Assert.Throws<InvalidFeatureException>(() => scaler.LearnOne(Vector(schema, ("c", "text"))));
        Assert.Equal(before, scaler.SerializeState());
    }

    [Fact]
    public void Clone_AfterLearning_RoundTripsBitIdentically()
    {
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        foreach (double v in s_docstringX)
        {
            scaler.LearnOne(Vector(schema, ("x", v), ("y", -v)));
        }

        var copy = (MinMaxScaler)scaler.Clone();
        Assert.Equal(scaler.SerializeState(), copy.SerializeState());
        FeatureVector probe = Vector(schema, ("x", 9.5), ("y", -9.5));
        Assert.Equal(Pairs(Transform(scaler, probe)), Pairs(Transform(copy, probe)));
        Assert.Equal(new MinMaxScaler().SerializeState(), scaler.CloneFresh().SerializeState());
    }

    [Fact]
    public void ReadState_MinAboveMax_ThrowsAndKeepsState()
    {
        var schema = new FeatureSchema();
        var scaler = new MinMaxScaler();
        scaler.LearnOne(Vector(schema, ("a", 1.0)));
        byte[] before = scaler.SerializeState();
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new StateWriter(buffer);
        writer.WriteHeader(nameof(MinMaxScaler), 1);
        writer.WriteDoubles([2.0]);
        writer.WriteDoubles([1.0]);
        Assert.Throws<SnapshotFormatException>(() => scaler.ReadState(new StateReader(buffer.WrittenMemory)));
        Assert.Equal(before, scaler.SerializeState());
    }

    [Fact]
    public void Pipeline_WithUnionAndSelect_ScalesOnlySelectedFeatures()
    {
        var schema = new FeatureSchema();
        TransformerUnion union = (new Select("a") | new MinMaxScaler()) + new Select("b");
        union.LearnOne(Vector(schema, ("a", 0.0), ("b", 5.0)));
        union.LearnOne(Vector(schema, ("a", 4.0), ("b", 6.0)));
        AssertPairs(Transform(union, Vector(schema, ("a", 1.0), ("b", 7.0))), ("a", 0.25), ("b", 7.0));
        Assert.Equal("(Select (\n  a\n) | MinMaxScaler()) + Select (\n  b\n)", union.ToString());
    }
}
