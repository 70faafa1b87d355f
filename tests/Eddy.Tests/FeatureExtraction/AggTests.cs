using Eddy.Base;
using Eddy.Compose;
using Eddy.FeatureExtraction;
using Eddy.Serialization;
using Eddy.Specs;
using Eddy.Stats;

namespace Eddy.Tests.FeatureExtraction;

public sealed class AggTests
{
    /// <summary>River's docstring rows: (country, place, revenue).</summary>
    internal static readonly (string Country, string Place, double Revenue)[] Rows =
    [
        ("France", "Taco Bell", 42), ("Sweden", "Burger King", 16), ("France", "Burger King", 24), ("Sweden", "Taco Bell", 58),
        ("Sweden", "Burger King", 20), ("France", "Taco Bell", 50), ("France", "Burger King", 10), ("Sweden", "Taco Bell", 80),
    ];

    internal static void Fill(FeatureVector x, int row, bool withRevenue = true)
    {
        x.Clear();
        x.SetCategorical("country", Rows[row].Country);
        x.SetCategorical("place", Rows[row].Place);
        if (withRevenue)
        {
            x.Set("revenue", Rows[row].Revenue);
        }
    }

    internal static string Transform(Transformer transformer, FeatureVector x)
    {
        var output = new FeatureVector(x.Schema) { Interning = false };
        transformer.TransformOne(x, output);
        return output.ToString();
    }

    [Fact]
    public void LearnThenTransform_MeanByPlace_MatchesRiverDocstring()
    {
        var agg = new Agg("revenue", ["place"], new Mean());
        var x = new FeatureVector(new FeatureSchema());
        string[] expected = ["42.0", "16.0", "20.0", "50.0", "20.0", "50.0", "17.5", "57.5"];

        for (int row = 0; row < Rows.Length; row++)
        {
            Fill(x, row);
            agg.LearnOne(x);
            Assert.Equal($"{{'revenue_mean_by_place': {double.Parse(expected[row], System.Globalization.CultureInfo.InvariantCulture):R}}}", Transform(agg, x));
        }

        Assert.Equal("revenue_mean_by_place", agg.FeatureName);
        Assert.Equal(2, agg.GroupCount);
    }

    [Fact]
    public void LearnThenTransform_MaxByPlaceAndCountry_MatchesRiverDocstring()
    {
        var agg = new Agg("revenue", ["place", "country"], new Max());
        var x = new FeatureVector(new FeatureSchema());
        double[] expected = [42, 16, 24, 58, 20, 50, 24, 80];

        for (int row = 0; row < Rows.Length; row++)
        {
            Fill(x, row);
            agg.LearnOne(x);
            Assert.Equal($"{{'revenue_max_by_place_and_country': {expected[row]:R}}}", Transform(agg, x));
        }

        Assert.Equal(4, agg.GroupCount);
    }

    [Fact]
    public void Union_MeanAndMax_MatchesRiverDocstring()
    {
        TransformerUnion union = new Agg("revenue", ["place"], new Mean()) + new Agg("revenue", ["place", "country"], new Max());
        var x = new FeatureVector(new FeatureSchema());
        double[] max = [42, 16, 24, 58, 20, 50, 24, 80];
        double[] mean = [42, 16, 20, 50, 20, 50, 17.5, 57.5];

        for (int row = 0; row < Rows.Length; row++)
        {
            Fill(x, row);
            union.LearnOne(x);
            var output = new FeatureVector(x.Schema);
            union.TransformOne(x, output);
            Assert.Equal(mean[row], output.Get(x.Schema.Intern("revenue_mean_by_place")));
            Assert.Equal(max[row], output.Get(x.Schema.Intern("revenue_max_by_place_and_country")));
        }
    }

    [Fact]
    public void Transform_UnseenGroup_FreshStatisticOrNothing()
    {
        var schema = new FeatureSchema();
        var mean = new Agg("revenue", ["place"], new Mean());
        var max = new Agg("revenue", ["place"], new Max());
        var x = new FeatureVector(schema);
        Fill(x, 0);
        mean.LearnOne(x);
        max.LearnOne(x);
        byte[] before = mean.SerializeState();

        var unseen = new FeatureVector(schema) { Interning = false };
        unseen.SetCategorical("place", "Pizza Hut");
        Assert.Equal("{'revenue_mean_by_place': 0}", Transform(mean, unseen));

        // River's Max of an empty group is None: the feature is left out.
        Assert.Equal("{}", Transform(max, unseen));
        Assert.Equal(before, mean.SerializeState());
        Assert.Equal(0, schema.TryGetSymbol("Pizza Hut", out _) ? 1 : 0);
    }

    [Fact]
    public void Learn_NumericKeys_GroupByValue()
    {
        var agg = new Agg("v", ["k"], new Sum());
        var x = new FeatureVector(new FeatureSchema());
        foreach ((double k, double v) in new[] { (1.0, 1.0), (2.0, 10.0), (1.0, 2.0), (0.0, 5.0), (-0.0, 6.0) })
        {
            x.Clear();
            x.Set("k", k);
            x.Set("v", v);
            agg.LearnOne(x);
        }

        x.Clear();
        x.Set("k", 1.0);
        Assert.Equal("{'v_sum_by_k': 3}", Transform(agg, x));
        x.Set("k", 0.0);
        Assert.Equal("{'v_sum_by_k': 11}", Transform(agg, x));

        // A number and a category spelled alike are different keys, as 1.0 and "1.0" are in Python.
        x.Clear();
        x.SetCategorical("k", "1.0");
        Assert.Equal("{'v_sum_by_k': 0}", Transform(agg, x));
        Assert.Equal(3, agg.GroupCount);
    }

    [Fact]
    public void Learn_NoBy_OneGroup()
    {
        var agg = new Agg("revenue", null, new Count());
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < Rows.Length; row++)
        {
            Fill(x, row);
            agg.LearnOne(x);
        }

        Assert.Equal("revenue_count", agg.FeatureName);
        Assert.Equal("{'revenue_count': 8}", Transform(agg, x));
        Assert.Equal("Agg(on='revenue', by=None, how=Count())", agg.ToString());
    }

    [Fact]
    public void Learn_AbsentOnOrBy_SkipsOrGroupsAsAbsent()
    {
        var agg = new Agg("revenue", ["place"], new Mean());
        var x = new FeatureVector(new FeatureSchema());
        Fill(x, 0, withRevenue: false);
        agg.LearnOne(x);
        Assert.Equal(0, agg.GroupCount);

        x.Clear();
        x.Set("revenue", 7);
        agg.LearnOne(x);
        Assert.Equal(1, agg.GroupCount);
        Assert.Equal("{'revenue_mean_by_place': 7}", Transform(agg, x));
    }

    [Fact]
    public void Learn_CategoricalOnOrNonFinite_RejectedWithoutStateChange()
    {
        var agg = new Agg("revenue", ["place"], new Sum());
        var x = new FeatureVector(new FeatureSchema());
        Fill(x, 0);
        agg.LearnOne(x);
        byte[] before = agg.SerializeState();

        x.SetCategorical("revenue", "lots");
        Assert.Equal("revenue", Assert.Throws<InvalidFeatureException>(() => agg.LearnOne(x)).FeatureName);
        x.Set("revenue", double.NaN);
        Assert.Throws<InvalidFeatureException>(() => agg.LearnOne(x));
        x.Set("revenue", double.MaxValue);
        agg.LearnOne(x);
        byte[] large = agg.SerializeState();
        Assert.Throws<NonFiniteUpdateException>(() => agg.LearnOne(x));
        Assert.Equal(large, agg.SerializeState());
        Assert.NotEqual(before, large);
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new Agg("", ["a"], new Mean()));
        Assert.Throws<ArgumentException>(() => new Agg("v", ["a", "a"], new Mean()));
        Assert.Throws<ArgumentNullException>(() => new Agg("v", ["a"], null!));
    }

    [Fact]
    public void State_RoundTrip_SameOutputs()
    {
        var agg = new Agg("revenue", ["place", "country"], new Var());
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < 5; row++)
        {
            Fill(x, row);
            agg.LearnOne(x);
        }

        var copy = (Agg)agg.Clone();
        Assert.Equal(agg.SerializeState(), copy.SerializeState());
        for (int row = 5; row < Rows.Length; row++)
        {
            Fill(x, row);
            agg.LearnOne(x);
            copy.LearnOne(x);
            Assert.Equal(Transform(agg, x), Transform(copy, x));
        }

        byte[] state = agg.SerializeState();
        state[^1] ^= 0xFF;
        Assert.ThrowsAny<Exception>(() => new Agg("revenue", ["place"], new Var()).ReadState(new StateReader(state)));
    }

    [Theory]
    [InlineData("Agg(on='revenue', by='place', how=Mean())", "Agg(on='revenue', by=['place'], how=Mean())")]
    [InlineData("Agg('revenue', ['place', 'country'], Max)", "Agg(on='revenue', by=['place', 'country'], how=Max())")]
    [InlineData("Agg(on='revenue', by=None, how=stats.Var(ddof=0))", "Agg(on='revenue', by=None, how=Var(ddof=0))")]
    [InlineData("""{"pipeline": [{"Agg": {"on": "revenue", "by": "place", "how": "Mean"}}]}""", "Agg(on='revenue', by=['place'], how=Mean())")]
    public void Spec_ExpressionOrJson_BuildsAgg(string text, string repr)
    {
        ModelSpec spec = ModelSpec.Parse(text);
        Assert.Equal(repr, spec.BuildEstimator().ToString());
        Assert.Equal(spec, ModelSpec.Parse(spec.ToExpression()));
        Assert.Equal(spec, ModelSpec.FromJson(spec.ToJson()));
    }

    [Theory]
    [InlineData("Agg(by='place', how=Mean())", "on")]
    [InlineData("Agg(on='revenue', how=Mean())", "by")]
    [InlineData("Agg(on='revenue', by='place', how=Median())", "Unknown statistic")]
    [InlineData("Agg(on='revenue', by='place', how=1.5)", "how")]
    public void Spec_BadAgg_SpecException(string text, string fragment)
    {
        SpecException error = Assert.Throws<SpecException>(() => ModelSpec.Parse(text));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
