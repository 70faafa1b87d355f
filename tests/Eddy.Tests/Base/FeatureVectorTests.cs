using Eddy.Base;

namespace Eddy.Tests.Base;

public sealed class FeatureVectorTests
{
    [Fact]
    public void Set_Interning_AddsNamesToSchemaInOrder()
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        x.Set("b", 1);
        x.Set("a", 2);
        x.Set("b", 3);

        Assert.Equal(2, x.Count);
        Assert.Equal(["b", "a"], new[] { schema.NameOf(0), schema.NameOf(1) });
        Assert.Equal(3, x.Get(0));
        Assert.Equal(2, x.Get(1));
    }

    [Fact]
    public void Set_NotInterning_UnknownNamesStayTransientAndSchemaUnchanged()
    {
        var schema = new FeatureSchema();
        schema.Intern("known");
        var x = new FeatureVector(schema) { Interning = false };
        x.Set("known", 1);
        x.Set("new", 2);
        x.Set("other", 3);

        Assert.Equal(1, schema.Count);
        Assert.Equal(0, x.IndexAt(0));
        Assert.True(x.IndexAt(1) < 0 && x.IndexAt(2) < 0 && x.IndexAt(1) != x.IndexAt(2));
        Assert.Equal("new", x.NameOf(x.IndexAt(1)));
        Assert.Equal("{'known': 1, 'new': 2, 'other': 3}", x.ToString());
    }

    [Fact]
    public void Validate_NonFiniteValue_NamesTheFeature()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.Set("ok", 1);
        x.Set("bad", double.NaN);

        InvalidFeatureException e = Assert.Throws<InvalidFeatureException>(() => x.Validate(numericOnly: true));
        Assert.Equal("bad", e.FeatureName);
        x.Set("bad", 2);
        x.Validate(numericOnly: true);
    }

    [Fact]
    public void Validate_CategoricalForNumericEstimator_Throws()
    {
        var x = new FeatureVector(new FeatureSchema());
        x.SetCategorical("colour", "red");

        InvalidFeatureException e = Assert.Throws<InvalidFeatureException>(() => x.Validate(numericOnly: true));
        Assert.Contains("red", e.Message, StringComparison.Ordinal);
        x.Validate(numericOnly: false);
    }

    [Fact]
    public void MergeFrom_SameName_ReplacesLikeDictUpdate()
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var y = new FeatureVector(schema) { Interning = false };
        x.Set("a", 1);
        x.Set("b", 2);
        y.Set("b", 20);
        y.Set("c", 30);
        x.Interning = false;
        x.MergeFrom(y);

        Assert.Equal("{'a': 1, 'b': 20, 'c': 30}", x.ToString());
    }
}
