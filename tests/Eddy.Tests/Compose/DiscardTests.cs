using Eddy.Base;
using Eddy.Compose;
using Eddy.Preprocessing;
using static Eddy.Tests.Support.TransformerHarness;

namespace Eddy.Tests.Compose;

public sealed class DiscardTests
{
    [Fact]
    public void TransformOne_RiverDocstring_DropsAAndB()
    {
        var schema = new FeatureSchema();
        AssertPairs(Transform(new Discard("a", "b"), Vector(schema, ("a", 42), ("b", 12), ("c", 13))), ("c", 13));
    }

    [Fact]
    public void TransformOne_RiverDocstringCategories_KeepsSales()
    {
        var schema = new FeatureSchema();
        FeatureVector x = Vector(schema, ("sales", 10), ("shop", "Ikea"), ("country", "Sweden"));
        AssertPairs(Transform(new Discard("shop", "country"), x), ("sales", 10));
    }

    [Fact]
    public void TransformOne_TransientFeatures_KeptWithTheirNames()
    {
        var schema = new FeatureSchema();
        FeatureVector x = Vector(schema, interning: false, ("new", 1.0), ("drop", 2.0), ("cat", "v"));
        FeatureVector y = Transform(new Discard("drop"), x);
        AssertPairs(y, ("new", 1.0), ("cat", "v"));
        Assert.Equal(0, schema.Count);
    }

    [Fact]
    public void Union_DiscardPlusEncoder_MergesInOrder()
    {
        var schema = new FeatureSchema();
        TransformerUnion union = new Discard("colour") + (new Select("colour") | new OneHotEncoder());
        FeatureVector x = Vector(schema, ("size", 2.0), ("colour", "red"));
        union.LearnOne(x);
        AssertPairs(Transform(union, x), ("size", 2.0), ("colour_red", 1));
        Assert.Equal("Discard (\n  colour\n) + (Select (\n  colour\n) | OneHotEncoder(drop_zeros=False, drop_first=False))", union.ToString());
    }

    [Fact]
    public void StateAndRepr_Stateless_RoundTrips()
    {
        var discard = new Discard("z", "y");
        Assert.Equal(discard.SerializeState(), discard.Clone().SerializeState());
        Assert.Equal(["y", "z"], discard.Keys);
        Assert.Equal("Discard ()", new Discard().ToString());
        Assert.Throws<InvalidFeatureException>(() => discard.LearnOne(Vector(new FeatureSchema(), ("a", double.NegativeInfinity))));
    }
}
