namespace Eddy.Client.Tests;

/// <summary>Examples and values: order kept, replacement in place, JSON kinds.</summary>
public sealed class ExampleTests
{
    [Fact]
    public void Example_SetExistingFeature_ReplacedInPlaceKeepingOrder()
    {
        var x = new Example { { "b", 1 }, { "a", "cat" } };
        x["b"] = true;
        x["c"] = EddyValue.Null;
        for (int i = 0; i < 40; i++)
        {
            x["f" + i] = i;
        }

        x["f3"] = 33;
        Assert.Equal(["b", "a", "c", .. Enumerable.Range(0, 40).Select(i => "f" + i)], x.Select(f => f.Key));
        Assert.Equal(EddyValue.FromBoolean(true), x["b"]);
        Assert.Equal(33.0, x["f3"].AsNumber());
        Assert.Equal("cat", x["a"].AsString());
        Assert.True(x["missing"].IsNull);
        Assert.Throws<ArgumentException>(() => x.Add("a", 1));
    }

    [Fact]
    public void EddyValue_Conversions_KeepTheJsonKind()
    {
        EddyValue number = 3;
        EddyValue flag = true;
        EddyValue text = "cat";
        EddyValue missing = (string?)null;

        Assert.Equal(EddyValueKind.Number, number.Kind);
        Assert.Equal(EddyValueKind.Boolean, flag.Kind);
        Assert.Equal(1.0, flag.AsNumber());
        Assert.Equal(EddyValueKind.String, text.Kind);
        Assert.True(missing.IsNull);
        Assert.NotEqual(EddyValue.FromNumber(1), EddyValue.FromBoolean(true));
        Assert.Equal("0.1", EddyValue.FromNumber(0.1).ToString());
        Assert.Throws<InvalidOperationException>(() => text.AsNumber());
    }
}
