using System.Globalization;
using Eddy.Base;

namespace Eddy.Tests.Support;

/// <summary>Builds River-style dict examples and reads transformer outputs back as (name, value) pairs.</summary>
internal static class TransformerHarness
{
    /// <summary>An example from (name, value) pairs; string values are categorical, numbers numeric.</summary>
    public static FeatureVector Vector(FeatureSchema schema, params (string Name, object Value)[] features) =>
        Vector(schema, interning: true, features);

    public static FeatureVector Vector(FeatureSchema schema, bool interning, params (string Name, object Value)[] features)
    {
        var x = new FeatureVector(schema) { Interning = interning };
        foreach ((string name, object value) in features)
        {
            if (value is string text)
            {
                x.SetCategorical(name, text);
            }
            else
            {
                x.Set(name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }
        }

        return x;
    }

    /// <summary>The output as ordered (name, value) pairs; categorical values as their text.</summary>
    public static List<(string Name, object Value)> Pairs(FeatureVector x)
    {
        var pairs = new List<(string, object)>(x.Count);
        for (int i = 0; i < x.Count; i++)
        {
            string name = x.NameOf(x.IndexAt(i));
            pairs.Add(x.SymbolAt(i) == FeatureVector.NoSymbol ? (name, x.ValueAt(i)) : (name, x.SymbolText(x.SymbolAt(i))));
        }

        return pairs;
    }

    /// <summary>Transforms with a fresh output vector on the same schema (interning as asked).</summary>
    public static FeatureVector Transform(Transformer transformer, FeatureVector x, bool interning = false)
    {
        var output = new FeatureVector(x.Schema) { Interning = interning };
        transformer.TransformOne(x, output);
        return output;
    }

    /// <summary>Asserts the exact names, order and values of an output.</summary>
    public static void AssertPairs(FeatureVector actual, params (string Name, object Value)[] expected)
    {
        List<(string Name, object Value)> pairs = Pairs(actual);
        Assert.Equal(expected.Length, pairs.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Name, pairs[i].Name);
            if (expected[i].Value is string text)
            {
                Assert.Equal(text, pairs[i].Value);
            }
            else
            {
                Assert.Equal(Convert.ToDouble(expected[i].Value, CultureInfo.InvariantCulture), (double)pairs[i].Value);
            }
        }
    }

    /// <summary>The output as a name → value map, for checks that do not depend on order.</summary>
    public static Dictionary<string, double> Numbers(FeatureVector x)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < x.Count; i++)
        {
            map.Add(x.NameOf(x.IndexAt(i)), x.ValueAt(i));
        }

        return map;
    }
}
