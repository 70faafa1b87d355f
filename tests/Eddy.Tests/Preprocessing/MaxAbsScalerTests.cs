using System.Buffers;
using Eddy.Base;
using Eddy.Preprocessing;
using Eddy.Serialization;
using static Eddy.Tests.Support.TransformerHarness;

namespace Eddy.Tests.Preprocessing;

public sealed class MaxAbsScalerTests
{
    // River's docstring input: random.seed(42); [random.uniform(8, 12) for _ in range(5)].
    private static readonly double[] s_docstringX = [10.557707193831535, 8.100043020890668, 9.100117273476478, 8.892842952595291, 10.94588485665605];

    // River's doctest accepts its printed six decimals within 1e-6 (pytest's NUMBER comparison).
    [Fact]
    public void LearnThenTransform_RiverDocstring_MatchesRiverOutput()
    {
        double[] expected = [1.0, 0.767216, 0.861940, 0.842308, 1.0];
        var schema = new FeatureSchema();
        var scaler = new MaxAbsScaler();
        for (int i = 0; i < s_docstringX.Length; i++)
        {
            FeatureVector x = Vector(schema, ("x", s_docstringX[i]));
            scaler.LearnOne(x);
            Assert.Equal(expected[i], Transform(scaler, x).ValueAt(0), tolerance: 1e-6);
        }
    }

    [Fact]
    public void LearnOne_NegativeValues_UsesAbsoluteMaximum()
    {
        var schema = new FeatureSchema();
        var scaler = new MaxAbsScaler();
        scaler.LearnOne(Vector(schema, ("a", -4.0)));
        scaler.LearnOne(Vector(schema, ("a", 2.0)));
        Assert.True(schema.TryGetIndex("a", out int a));
        Assert.Equal(4.0, scaler.AbsMaxOf(a));
        AssertPairs(Transform(scaler, Vector(schema, ("a", -1.0))), ("a", -0.25));
    }

    [Fact]
    public void TransformOne_ZeroMaximumOrUnseen_ReturnsZeroAndWritesNothing()
    {
        var schema = new FeatureSchema();
        var scaler = new MaxAbsScaler();
        scaler.LearnOne(Vector(schema, ("zero", 0.0)));
        byte[] before = scaler.SerializeState();
        FeatureVector y = Transform(scaler, Vector(schema, interning: false, ("zero", 3.0), ("new", 5.0)));
        AssertPairs(y, ("zero", 0.0), ("new", 0.0));
        Assert.Equal(before, scaler.SerializeState());
        Assert.Equal(1, schema.Count);
    }

    [Fact]
    public void LearnOne_NonFiniteValue_ThrowsAndLeavesStateUnchanged()
    {
        var schema = new FeatureSchema();
        var scaler = new MaxAbsScaler();
        scaler.LearnOne(Vector(schema, ("a", 1.0)));
        byte[] before = scaler.SerializeState();
        Assert.Throws<InvalidFeatureException>(() => scaler.LearnOne(Vector(schema, ("a", 9.0), ("b", double.PositiveInfinity))));
        Assert.Equal(before, scaler.SerializeState());
    }

    [Fact]
    public void Clone_AfterLearning_RoundTripsBitIdentically()
    {
        var schema = new FeatureSchema();
        var scaler = new MaxAbsScaler();
        foreach (double v in s_docstringX)
        {
            scaler.LearnOne(Vector(schema, ("x", v), ("y", -2 * v)));
        }

        var copy = (MaxAbsScaler)scaler.Clone();
        Assert.Equal(scaler.SerializeState(), copy.SerializeState());
        FeatureVector probe = Vector(schema, ("y", 3.0), ("x", 1.0));
        Assert.Equal(Pairs(Transform(scaler, probe)), Pairs(Transform(copy, probe)));
        Assert.Equal(new MaxAbsScaler().SerializeState(), scaler.CloneFresh().SerializeState());
        Assert.Equal("MaxAbsScaler()", scaler.ToString());
    }

    [Fact]
    public void ReadState_NegativeMaximum_ThrowsAndKeepsState()
    {
        var scaler = new MaxAbsScaler();
        byte[] before = scaler.SerializeState();
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new StateWriter(buffer);
        writer.WriteHeader(nameof(MaxAbsScaler), 1);
        writer.WriteDoubles([-1.0]);
        Assert.Throws<SnapshotFormatException>(() => scaler.ReadState(new StateReader(buffer.WrittenMemory)));
        Assert.Equal(before, scaler.SerializeState());
    }
}
