using Eddy.Base;
using Eddy.Metrics;

namespace Eddy.Tests.Metrics;

/// <summary>Metrics by River name, and the example streams the metric tests feed them.</summary>
internal static class MetricFeed
{
    public static Metric Create(string name) => name switch
    {
        "Accuracy" => new Accuracy(),
        "F1" => new F1(),
        "Precision" => new Precision(),
        "Recall" => new Recall(),
        "FBeta" => new FBeta(0.5),
        "MacroF1" => new MacroF1(),
        "MicroF1" => new MicroF1(),
        "WeightedF1" => new WeightedF1(),
        "BalancedAccuracy" => new BalancedAccuracy(),
        "CohenKappa" => new CohenKappa(),
        "MCC" => new Mcc(),
        "ConfusionMatrix" => new ConfusionMatrix(),
        "ROCAUC" => new RocAuc(),
        "LogLoss" => new Eddy.Metrics.LogLoss(),
        "CrossEntropy" => new CrossEntropy(),
        "MAE" => new Mae(),
        "MSE" => new Mse(),
        "RMSE" => new Rmse(),
        "RMSLE" => new Rmsle(),
        "SMAPE" => new Smape(),
        "R2" => new R2(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>A prediction of <paramref name="label"/> with P(True) = <paramref name="pTrue"/>.</summary>
    public static ClassificationPrediction Prediction(bool label, double pTrue)
    {
        var p = new ClassProbabilities();
        p.SetBinary(pTrue);
        return new ClassificationPrediction(label, p);
    }

    /// <summary>A prediction of the more likely class with P(True) = <paramref name="pTrue"/>.</summary>
    public static ClassificationPrediction Binary(double pTrue)
    {
        var p = new ClassProbabilities();
        p.SetBinary(pTrue);
        return new ClassificationPrediction(p.ArgMax(), p);
    }

    public static void Pairs(ClassificationMetric metric, Label[] yTrue, Label[] yPred)
    {
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i]);
        }
    }

    public static void Pairs(ClassificationMetric metric, Label[] yTrue, Label[] yPred, double[] weights)
    {
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i], weights[i]);
        }
    }

    public static void Pairs(RegressionMetric metric, double[] yTrue, double[] yPred)
    {
        for (int i = 0; i < yTrue.Length; i++)
        {
            metric.Update(yTrue[i], yPred[i]);
        }
    }

    /// <summary>A seeded binary stream with probabilities; the label is right 80% of the time.</summary>
    public static void Classification(ClassificationMetric metric, int count, int seed, double w = 1.0, int repeat = 1, bool revert = false)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            bool truth = random.Next(2) == 1;
            double pTrue = random.NextDouble();
            ClassificationPrediction prediction = Prediction(random.NextDouble() < 0.8 ? truth : !truth, pTrue);
            for (int r = 0; r < repeat; r++)
            {
                if (revert)
                {
                    metric.Revert(truth, prediction, w);
                }
                else
                {
                    metric.Update(truth, prediction, w);
                }
            }
        }
    }

    /// <summary><see cref="Classification"/> for a classification metric, else a seeded regression stream.</summary>
    public static void Any(Metric metric, int count, int seed, double w = 1.0, int repeat = 1, bool revert = false)
    {
        if (metric is ClassificationMetric classification)
        {
            Classification(classification, count, seed, w, repeat, revert);
            return;
        }

        var regression = (RegressionMetric)metric;
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            double yTrue = random.NextDouble() * 10;
            double yPred = yTrue + (random.NextDouble() - 0.5);
            for (int r = 0; r < repeat; r++)
            {
                if (revert)
                {
                    regression.Revert(yTrue, yPred, w);
                }
                else
                {
                    regression.Update(yTrue, yPred, w);
                }
            }
        }
    }
}
