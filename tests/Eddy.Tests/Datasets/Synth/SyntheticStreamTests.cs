using Eddy.Base;
using Eddy.Datasets;
using Eddy.Datasets.Synth;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Eddy.Tests.Support;

namespace Eddy.Tests.Datasets.Synth;

/// <summary>What every generator shares: filling a FeatureVector, Samples and Take.</summary>
public sealed class SyntheticStreamTests
{
    [Fact]
    public void NextFeatureVector_SameValuesAndNamesAsSpans()
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var viaVector = new Agrawal(seed: 3, perturbation: 0.1);
        List<(double[] X, Label Y)> rows = Doctest.Draw(new Agrawal(seed: 3, perturbation: 0.1), 50);
        foreach ((double[] values, Label label) in rows)
        {
            Assert.True(viaVector.Next(x, out Label y));
            Assert.Equal(label, y);
            Assert.Equal(values, x.Values.ToArray());
            for (int j = 0; j < x.Count; j++)
            {
                Assert.Equal(viaVector.FeatureNames[j], x.NameOf(x.IndexAt(j)));
            }
        }

        Assert.Equal(9, schema.Count);
    }

    [Fact]
    public void NextFeatureVector_NotInterning_TransientNames()
    {
        var x = new FeatureVector(new FeatureSchema()) { Interning = false };
        Assert.True(new SEA(seed: 1).Next(x, out _));
        Assert.True(x.HasTransient);
        Assert.Equal(3, x.Count);
        Assert.Equal("0", x.NameOf(x.IndexAt(0)));
        Assert.Equal(0, x.Schema.Count);
    }

    [Fact]
    public void NextFeatureVector_SteadyState_AllocatesNothing()
    {
        SyntheticStream[] streams =
        [
            new Agrawal(seed: 1, balanceClasses: true, perturbation: 0.1), new SEA(noise: 0.1, seed: 1), new Hyperplane(seed: 1, magChange: 0.1),
            new RandomRBFDrift(1, 1, changeSpeed: 0.1), new LEDDrift(1, 0.1, true, 3), new Sine(3, 1, true, true),
            new STAGGER(1, 1, true), new ConceptDriftStream(seed: 1, position: 50, width: 20),
        ];
        foreach (SyntheticStream stream in streams)
        {
            var x = new FeatureVector(new FeatureSchema());
            for (int i = 0; i < 100; i++)
            {
                stream.Next(x, out _);
            }

            long fewest = SteadyAllocation.Fewest(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    stream.Next(x, out _);
                }
            });

            Assert.True(fewest == 0, $"{stream.Name}: {fewest} bytes per 1,000 examples");
        }
    }

    [Fact]
    public void Take_DatasetRowsAreTheSamplesFromTheSeed()
    {
        var stream = new RandomRBF(seedModel: 2, seedSample: 3, nClasses: 3, nFeatures: 4, nCentroids: 6);
        stream.Next(new double[4], out _);
        Dataset data = stream.Take(120);
        Assert.Equal("RandomRBF", data.Name);
        Assert.Equal(TaskKind.MultiClassClassification, data.Task);
        Assert.Equal(120, data.Count);
        Assert.Equal(stream.FeatureNames, data.FeatureNames);
        Assert.All(data.FeatureKinds, kind => Assert.Equal(ColumnKind.Number, kind));
        var rows = stream.Samples(120).ToList();
        var x = new FeatureVector(new FeatureSchema());
        for (int r = 0; r < 120; r++)
        {
            Assert.Equal(rows[r].Y, data.Target(r));
            data.Fill(r, x);
            Assert.Equal(rows[r].X.Values, x.Values.ToArray());
        }
    }

    [Fact]
    public void Take_ProgressiveValidation_LearnsTheConcept()
    {
        Dataset data = new SEA(seed: 42).Take(3000);
        Checkpoint score = ProgressiveValidation.Score(new StandardScaler() | new LogisticRegression(), data, [new Accuracy()]);
        Assert.Equal(3000, score.Step);
        Assert.InRange(score.Values[0], 0.85, 1.0);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var sea = new SEA(seed: 1);
        Assert.Throws<ArgumentException>(() => sea.Next(new double[2], out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => sea.Take(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sea.Samples(-1).ToList());
        Assert.Throws<ArgumentNullException>(() => sea.Next((FeatureVector)null!, out _));
    }

    [Fact]
    public void NullSeed_DrawnOnceAndReplayedOnRestart()
    {
        var sine = new Sine(seed: null);
        List<(double[] X, Label Y)> first = Doctest.Draw(sine, 20);
        sine.Restart();
        List<(double[] X, Label Y)> again = Doctest.Draw(sine, 20);
        Assert.Equal(first.Select(r => r.X), again.Select(r => r.X));
        Assert.Equal(first[0].X, Doctest.Draw(new Sine(seed: sine.Seed), 1)[0].X);
    }
}
