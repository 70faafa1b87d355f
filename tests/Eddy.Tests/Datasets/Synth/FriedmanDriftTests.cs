using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;

namespace Eddy.Tests.Datasets.Synth;

public sealed class FriedmanDriftTests
{
    private static readonly double[][] s_docstringFeatures =
    [
        [0.63, 0.02, 0.27, 0.22, 0.73, 0.67, 0.89, 0.08, 0.42, 0.02],
        [0.02, 0.19, 0.64, 0.54, 0.22, 0.58, 0.80, 0.00, 0.80, 0.69],
        [0.34, 0.15, 0.95, 0.33, 0.09, 0.09, 0.84, 0.60, 0.80, 0.72],
        [0.37, 0.55, 0.82, 0.61, 0.86, 0.57, 0.70, 0.04, 0.22, 0.28],
        [0.07, 0.23, 0.10, 0.27, 0.63, 0.36, 0.37, 0.20, 0.26, 0.93],
    ];

    [Fact]
    public void Take_DocstringLea_MatchesRiver() =>
        AssertDocstring(new FriedmanDrift("lea", [1, 2, 3], seed: 42), [7.66, 8.33, 7.04, 18.16, -2.65]);

    [Fact]
    public void Take_DocstringGra_MatchesRiver() =>
        AssertDocstring(new FriedmanDrift("gra", [2, 3], seed: 42), [7.66, 8.33, 8.96, 18.16, 8.90]);

    [Fact]
    public void Take_DocstringGsg_MatchesRiver() =>
        AssertDocstring(new FriedmanDrift("gsg", [1, 4], transitionWindow: 2, seed: 42), [7.66, 8.33, 8.92, 17.32, 6.05]);

    [Theory]
    [InlineData("lea", new long[] { 100, 200, 300 }, 0, 7, 17.363545831862446)]
    [InlineData("gra", new long[] { 200, 500 }, 0, 7, 17.24174287735484)]
    [InlineData("gsg", new long[] { 350, 750 }, 200, 42, 8.092988877990342)]
    public void Take_ThousandExamples_LastTargetBitIdenticalToPython(string drift, long[] position, int window, long seed, double last)
    {
        // Python: the River generator's __iter__ with CPython's random.Random(seed), printed with repr.
        Dataset data = new FriedmanDrift(drift, position, window, seed).Take(1000);
        Assert.Equal(TaskKind.Regression, data.Task);
        Assert.Equal(last, data.Target(999).ToDouble());
    }

    [Fact]
    public void SameSeedAndRestart_SameStream() =>
        Doctest.AssertDeterministic(() => new FriedmanDrift("gsg", [100, 300], transitionWindow: 50, seed: 3));

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FriedmanDrift("abc"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FriedmanDrift("lea", [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FriedmanDrift("gra", [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FriedmanDrift("gra", [1, 2, 3, 4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FriedmanDrift("gra", [5, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FriedmanDrift("gsg", [10, 20], transitionWindow: 11));
    }

    private static void AssertDocstring(FriedmanDrift stream, double[] targets)
    {
        var rows = stream.Samples(targets.Length).ToList();
        Assert.Equal(targets.Length, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            (IReadOnlyDictionary<string, double> x, Label y) = rows[r];
            Assert.Equal(stream.FeatureNames, x.Keys);
            double[] values = [.. x.Values];
            for (int j = 0; j < values.Length; j++)
            {
                Doctest.AssertPrinted(s_docstringFeatures[r][j], values[j], 2, $"row {r}, feature {j}");
            }

            Assert.Equal(LabelKind.Number, y.Kind);
            Doctest.AssertPrinted(targets[r], y.ToDouble(), 2, $"row {r}, target");
        }
    }
}
