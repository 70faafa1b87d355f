using Eddy.Base;
using Eddy.Compose;
using Eddy.Linear;
using Eddy.Preprocessing;
using static Eddy.Tests.Support.TransformerHarness;

namespace Eddy.Tests.Compose;

public sealed class SelectTests
{
    [Fact]
    public void TransformOne_RiverDocstring_KeepsC()
    {
        var schema = new FeatureSchema();
        AssertPairs(Transform(new Select("c"), Vector(schema, ("a", 42), ("b", 12), ("c", 13))), ("c", 13));
    }

    [Fact]
    public void TransformOne_MixedTypes_KeepsInputOrderAndCategories()
    {
        var schema = new FeatureSchema();
        FeatureVector x = Vector(schema, ("sales", 10), ("shop", "Ikea"), ("country", "Sweden"));
        AssertPairs(Transform(new Select("country", "sales"), x), ("sales", 10), ("country", "Sweden"));
    }

    [Fact]
    public void TransformOne_MissingKeyOrTransientFeature_SkipsOrKeepsByName()
    {
        var schema = new FeatureSchema();
        FeatureVector x = Vector(schema, interning: false, ("unseen", 1.5), ("other", 2));
        var select = new Select("unseen", "absent");
        FeatureVector y = Transform(select, x);
        AssertPairs(y, ("unseen", 1.5));
        Assert.True(y.HasTransient);
        Assert.Equal(0, schema.Count);
    }

    [Fact]
    public void LearnOne_NonFiniteValue_Throws()
    {
        var schema = new FeatureSchema();
        Assert.Throws<InvalidFeatureException>(() => new Select("a").LearnOne(Vector(schema, ("a", double.NaN))));
    }

    [Fact]
    public void StateAndRepr_Stateless_RoundTripsAndPrintsAsRiver()
    {
        var select = new Select("b", "a");
        Assert.Equal(select.SerializeState(), select.Clone().SerializeState());
        Assert.Equal(["a", "b"], select.Keys);
        Assert.Equal("Select (\n  a\n  b\n)", select.ToString());
        Assert.Equal("Select ()", new Select().ToString());
        Assert.Equal(select.ToString(), select.CloneFresh().ToString());
        Assert.True(select.AcceptsCategorical);
    }

    [Fact]
    public void ClassifierPipeline_SelectThenScale_IgnoresOtherFeatures()
    {
        var schema = new FeatureSchema();
        ClassifierPipeline model = new Select("a") | new StandardScaler() | new LogisticRegression();
        model.LearnOne(Vector(schema, ("a", 1.0), ("noise", "text")), Label.True);
        model.LearnOne(Vector(schema, ("a", 3.0), ("noise", "more")), Label.False);
        Assert.False(schema.TryGetIndex("noise_text", out _));
        var lr = (LogisticRegression)model.Final;
        Assert.Equal(["a"], lr.Weights(schema).Keys);
    }
}
