using Eddy.Base;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

/// <summary>
/// River's synth docstrings print each value cut (not rounded) to a few decimals; a value matches when cutting it
/// gives the printed digits. Integers print whole and must match exactly.
/// </summary>
internal static class Doctest
{
    public static void AssertTake(SyntheticStream stream, double[][] expected, Label[] labels, int decimals)
    {
        var rows = stream.Samples(expected.Length).ToList();
        Assert.Equal(expected.Length, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            (IReadOnlyDictionary<string, double> x, Label y) = rows[r];
            Assert.Equal(stream.FeatureNames, x.Keys);
            double[] actual = [.. x.Values];
            Assert.Equal(expected[r].Length, actual.Length);
            for (int j = 0; j < actual.Length; j++)
            {
                AssertPrinted(expected[r][j], actual[j], decimals, $"row {r}, feature {stream.FeatureNames[j]}");
            }

            Assert.Equal(labels[r].Kind, y.Kind);
            Assert.Equal(labels[r], y);
        }
    }

    public static void AssertPrinted(double printed, double actual, int decimals, string where)
    {
        double scale = Math.Pow(10, decimals);
        long expectedDigits = (long)Math.Round(printed * scale);
        long actualDigits = (long)Math.Truncate(actual * scale);
        Assert.True(expectedDigits == actualDigits, $"{where}: River printed {printed}, got {actual}.");
    }

    /// <summary>The first <paramref name="count"/> examples as (values, label) pairs, for determinism checks.</summary>
    public static List<(double[] X, Label Y)> Draw(SyntheticStream stream, int count)
    {
        var rows = new List<(double[], Label)>(count);
        for (int i = 0; i < count; i++)
        {
            var values = new double[stream.NFeatures];
            Assert.True(stream.Next(values, out Label y));
            rows.Add((values, y));
        }

        return rows;
    }

    /// <summary>Same seed → same stream; <see cref="SyntheticStream.Restart"/> → the same stream again.</summary>
    public static void AssertDeterministic(Func<SyntheticStream> create, int count = 500)
    {
        SyntheticStream first = create();
        List<(double[] X, Label Y)> a = Draw(first, count);
        List<(double[] X, Label Y)> b = Draw(create(), count);
        first.Restart();
        List<(double[] X, Label Y)> c = Draw(first, count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(a[i].X, b[i].X);
            Assert.Equal(a[i].Y, b[i].Y);
            Assert.Equal(a[i].X, c[i].X);
            Assert.Equal(a[i].Y, c[i].Y);
        }
    }
}
