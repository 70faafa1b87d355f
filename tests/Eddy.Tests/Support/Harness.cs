using Eddy.Base;
using Eddy.Datasets;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Tests.Support;

/// <summary>
/// Progressive validation (predict, then learn) with plain Accuracy, F1 and MAE computed here, so estimator tests do
/// not depend on the metrics library.
/// </summary>
internal static class Harness
{
    public static Dataset TrumpApproval() => RiverDatasets.TrumpApproval();

    public static Dataset ImageSegments() => RiverDatasets.ImageSegments();

    /// <summary>Accuracy over scored predictions (arg-max of the probabilities; empty ones skipped), F1 of class True.</summary>
    public static (double Accuracy, double F1, int Scored) Evaluate(Classifier model, Dataset dataset)
    {
        var x = new FeatureVector(new FeatureSchema());
        var probabilities = new ClassProbabilities();
        int scored = 0, correct = 0, tp = 0, fp = 0, fn = 0;
        for (int row = 0; row < dataset.Count; row++)
        {
            dataset.Fill(row, x);
            Label y = dataset.Target(row);
            if (model.PredictProbaOne(x, probabilities))
            {
                Label predicted = probabilities.ArgMax();
                scored++;
                correct += predicted.Equals(y) ? 1 : 0;
                bool truePositive = y.Equals(Label.True);
                bool predictedPositive = predicted.Equals(Label.True);
                tp += truePositive && predictedPositive ? 1 : 0;
                fp += !truePositive && predictedPositive ? 1 : 0;
                fn += truePositive && !predictedPositive ? 1 : 0;
            }

            model.LearnOne(x, y);
        }

        double precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return ((double)correct / scored, f1, scored);
    }

    /// <summary><c>StandardScaler | <paramref name="model"/></c> through Eddy's pipeline (River ≥ 0.19 semantics).</summary>
    public static (double Accuracy, double F1, int Scored) EvaluateScaled(Classifier model, Dataset dataset) =>
        Evaluate(new StandardScaler() | model, dataset);

    /// <summary>MAE of <c>StandardScaler | <paramref name="model"/></c> through Eddy's pipeline.</summary>
    public static double MeanAbsoluteErrorScaled(Regressor model, Dataset dataset) =>
        MeanAbsoluteError(new StandardScaler() | model, dataset);

    /// <summary>
    /// River 0.12.1's pipeline order (the scaler learns before the prediction), which older docstrings were made
    /// with: returns Accuracy and F1 of <c>StandardScaler | <paramref name="model"/></c>.
    /// </summary>
    public static (double Accuracy, double F1) EvaluateScaledRiver0121(Classifier model, Dataset dataset)
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var scaled = new FeatureVector(schema);
        var scaler = new StandardScaler();
        var probabilities = new ClassProbabilities();
        int correct = 0, tp = 0, fp = 0, fn = 0;
        for (int row = 0; row < dataset.Count; row++)
        {
            dataset.Fill(row, x);
            scaler.LearnOne(x);
            scaler.TransformOne(x, scaled);
            model.PredictProbaOne(scaled, probabilities);
            bool predictedPositive = probabilities.ArgMax().Equals(Label.True);
            bool truePositive = dataset.Target(row).Equals(Label.True);
            correct += predictedPositive == truePositive ? 1 : 0;
            tp += truePositive && predictedPositive ? 1 : 0;
            fp += !truePositive && predictedPositive ? 1 : 0;
            fn += truePositive && !predictedPositive ? 1 : 0;
            model.LearnOne(scaled, dataset.Target(row));
        }

        double precision = (double)tp / (tp + fp);
        double recall = (double)tp / (tp + fn);
        return ((double)correct / dataset.Count, 2 * precision * recall / (precision + recall));
    }

    public static double MeanAbsoluteError(Regressor model, Dataset dataset)
    {
        var x = new FeatureVector(new FeatureSchema());
        double sum = 0;
        for (int row = 0; row < dataset.Count; row++)
        {
            dataset.Fill(row, x);
            double y = dataset.Target(row).ToDouble();
            sum += Math.Abs(y - model.PredictOne(x));
            model.LearnOne(x, y);
        }

        return sum / dataset.Count;
    }

    /// <summary>River prints percentages with two decimals; asserts <paramref name="actual"/> rounds to them.</summary>
    public static void AssertPercent(double expectedPercent, double actual, string what) =>
        Assert.True(Math.Abs((actual * 100) - expectedPercent) <= 0.005 + 1e-9, $"{what}: expected {expectedPercent}%, got {actual * 100:R}%.");

    /// <summary>Learns the first <paramref name="rows"/> examples of <paramref name="dataset"/> into <paramref name="model"/>.</summary>
    public static FeatureSchema Train(Estimator model, Dataset dataset, int rows)
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        for (int row = 0; row < Math.Min(rows, dataset.Count); row++)
        {
            dataset.Fill(row, x);
            switch (model)
            {
                case Classifier classifier:
                    classifier.LearnOne(x, dataset.Target(row));
                    break;
                case Regressor regressor:
                    regressor.LearnOne(x, dataset.Target(row));
                    break;
            }
        }

        return schema;
    }

    /// <summary>Save/load round trip, pure predictions and atomic rejection of bad input, for a trained model.</summary>
    public static void AssertStateContract(Estimator model, Dataset dataset, Label badLabel)
    {
        FeatureSchema schema = Train(model, dataset, 200);
        byte[] state = model.SerializeState();

        Estimator copy = model.CloneFresh();
        copy.ReadState(new StateReader(state));
        Assert.Equal(state, copy.SerializeState());

        var x = new FeatureVector(schema);
        dataset.Fill(200, x);
        x.Interning = false;
        x.Set("never seen before", 1.5);
        switch (model)
        {
            case Classifier classifier:
                classifier.PredictProbaOne(x, new ClassProbabilities());
                classifier.PredictOne(x);
                break;
            case Regressor regressor:
                regressor.PredictOne(x);
                break;
        }

        Assert.Equal(state, model.SerializeState());

        var bad = new FeatureVector(schema);
        dataset.Fill(201, bad);
        bad.Set(dataset.FeatureNames[0], double.NaN);
        Assert.Throws<InvalidFeatureException>(() => Learn(model, bad, dataset.Target(201)));
        Assert.Equal(state, model.SerializeState());

        dataset.Fill(201, x);
        Assert.Throws<InvalidLabelException>(() => Learn(model, x, badLabel));
        Assert.Equal(state, model.SerializeState());
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

    /// <summary><c>StandardScaler | model</c> on Phishing: every example scored, Accuracy and F1 as River's to 1e-12.</summary>
    public static void AssertScaledPhishingParity(Classifier model, string referenceName)
    {
        (double accuracy, double f1, int scored) = EvaluateScaled(model, RiverDatasets.Phishing());
        Assert.Equal(1250, scored);
        Reference.AssertClose(Reference.Current("Phishing", referenceName, "Accuracy"), accuracy, 1e-12, "Accuracy");
        Reference.AssertClose(Reference.Current("Phishing", referenceName, "F1"), f1, 1e-12, "F1");
    }

    /// <summary>Learning changes the state; <c>CloneFresh</c> gives back the untrained state and the same parameters.</summary>
    public static void AssertCloneFreshForgetsLearning(Estimator model, Dataset dataset)
    {
        byte[] fresh = model.SerializeState();
        Train(model, dataset, 30);
        Assert.NotEqual(fresh, model.SerializeState());
        Assert.Equal(fresh, model.CloneFresh().SerializeState());
        Assert.Equal(model.ToString(), model.CloneFresh().ToString());
    }
}
