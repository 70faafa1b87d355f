using System.Numerics;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Datasets;
using Eddy.Ensembles;
using Eddy.Evaluate;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;

namespace Eddy.Tests.Ensembles;

public sealed class BaggingRegressorTests
{
    private static RegressorPipeline DocstringModel() =>
        new StandardScaler() | new BaggingRegressor(new LinearRegression(interceptLr: 0.1), nModels: 3, seed: 42);

    // River's docstring prints "MAE: 0.677586" (six decimals): the tolerance is half the last digit.
    [Fact]
    public void RiverDocstring_TrumpApprovalScaledLinearRegression_Mae()
    {
        Checkpoint result = ProgressiveValidation.Score(DocstringModel(), RiverDatasets.TrumpApproval(), [new Mae()]);

        Assert.InRange(result.Values[0], 0.6775855, 0.6775865);
    }

    [Fact]
    public void PredictOne_Trained_IsTheExactlyRoundedMeanOfTheMembers()
    {
        var model = new BaggingRegressor(new LinearRegression(), nModels: 3, seed: 7);
        Dataset trump = RiverDatasets.TrumpApproval();
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < 200; row++)
        {
            trump.Fill(row, x);
            model.LearnOne(x, trump.Target(row));
            double predicted = model.PredictOne(x);

            // statistics.mean: the exact sum (in units of 2^-1074) over n, rounded once to the nearest double.
            BigInteger sum = BigInteger.Zero;
            foreach (Regressor member in model.Models)
            {
                sum += Scaled(member.PredictOne(x));
            }

            BigInteger error = BigInteger.Abs((Scaled(predicted) * 3) - sum);
            Assert.True(error <= BigInteger.Abs((Scaled(Math.BitIncrement(predicted)) * 3) - sum), $"row {row}");
            Assert.True(error <= BigInteger.Abs((Scaled(Math.BitDecrement(predicted)) * 3) - sum), $"row {row}");
        }

        Assert.NotEqual(model.Models[0].PredictOne(x), model.Models[1].PredictOne(x));
    }

    /// <summary>A finite double as an exact integer number of 2^-1074 units.</summary>
    private static BigInteger Scaled(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        BigInteger magnitude = exponent == 0 ? mantissa : (BigInteger)(mantissa | (1L << 52)) << (exponent - 1);
        return bits < 0 ? -magnitude : magnitude;
    }

    [Fact]
    public void LearnOne_Always_PrototypeNeverLearns()
    {
        var prototype = new LinearRegression();
        var model = new BaggingRegressor(prototype, nModels: 2, seed: 3);
        byte[] fresh = prototype.SerializeState();
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1.0);

        model.LearnOne(x, 2.0);
        model.LearnOne(x, 3.0);

        Assert.Equal(fresh, prototype.SerializeState());
    }

    [Fact]
    public void LearnOne_NonFiniteTarget_RejectedWithoutDraws()
    {
        var model = new BaggingRegressor(new LinearRegression(), nModels: 2, seed: 3);
        var x = new FeatureVector(new FeatureSchema());
        x.Set("a", 1.0);
        byte[] before = model.SerializeState();

        Assert.Throws<InvalidLabelException>(() => model.LearnOne(x, double.PositiveInfinity));

        Assert.Equal(before, model.SerializeState());
    }

    [Fact]
    public void Replay_FullTrumpApprovalWithSnapshotHalfway_BitIdentical() =>
        EnsembleChecks.AssertReplayAndRoundTrip(
            () => new BaggingRegressor(new StandardScaler() | new LinearRegression(), nModels: 3, seed: 42), RiverDatasets.TrumpApproval());

    [Fact]
    public void ToString_Always_NamesModelAndParameters()
    {
        string text = new BaggingRegressor(new LinearRegression(), nModels: 3, seed: 42).ToString();

        Assert.Equal($"BaggingRegressor(model={new LinearRegression()}, n_models=3, seed=42)", text);
    }
}
