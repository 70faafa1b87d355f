using Eddy.Base;
using Eddy.Datasets;
using Eddy.Serialization;

namespace Eddy.Tests.Ensembles;

/// <summary>Replay and snapshot checks over a whole River dataset, shared by the ensemble tests.</summary>
internal static class EnsembleChecks
{
    /// <summary>
    /// Two runs of a seeded ensemble end bit-identical; a copy restored from a snapshot taken halfway predicts and
    /// learns the second half exactly as the original.
    /// </summary>
    public static void AssertReplayAndRoundTrip(Func<Estimator> create, Dataset data)
    {
        Estimator first = create();
        Estimator second = create();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        Estimator? restored = null;
        int half = data.Count / 2;
        for (int row = 0; row < data.Count; row++)
        {
            if (row == half)
            {
                restored = first.CloneFresh();
                restored.ReadState(new StateReader(first.SerializeState()));
                Assert.Equal(first.SerializeState(), restored.SerializeState());
            }

            data.Fill(row, x);
            if (restored is not null)
            {
                Assert.Equal(Describe(first, x), Describe(restored, x));
                Learn(restored, x, data.Target(row));
            }

            Learn(first, x, data.Target(row));
            Learn(second, x, data.Target(row));
        }

        Assert.Equal(first.SerializeState(), second.SerializeState());
        Assert.Equal(first.SerializeState(), restored!.SerializeState());
    }

    private static void Learn(Estimator model, FeatureVector x, Label y)
    {
        if (model is Classifier classifier)
        {
            classifier.LearnOne(x, y);
        }
        else
        {
            ((Regressor)model).LearnOne(x, y);
        }
    }

    private static string Describe(Estimator model, FeatureVector x)
    {
        if (model is Regressor regressor)
        {
            return BitConverter.DoubleToInt64Bits(regressor.PredictOne(x)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var probabilities = new ClassProbabilities();
        ((Classifier)model).PredictProbaOne(x, probabilities);
        var parts = new List<string>();
        for (int i = 0; i < probabilities.Count; i++)
        {
            parts.Add($"{probabilities.Classes[i]}={BitConverter.DoubleToInt64Bits(probabilities.Probabilities[i])}");
        }

        return string.Join(",", parts);
    }
}
