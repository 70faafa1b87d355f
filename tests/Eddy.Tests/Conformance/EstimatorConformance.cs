using System.Globalization;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Serialization;

namespace Eddy.Tests.Conformance;

/// <summary>
/// The contract of an online estimator (River's <c>check_estimator</c>), inherited by one subclass per estimator.
/// <see cref="ConformanceCoverageTests"/> fails when an estimator has no subclass.
/// </summary>
public abstract class EstimatorConformance
{
    private const int Warmup = 60;

    /// <summary>The estimator type this subclass covers.</summary>
    public abstract Type EstimatorType { get; }

    /// <summary>A fresh estimator with test parameters (seeded where random).</summary>
    protected abstract Estimator Create();

    /// <summary>The stream fed to the estimator: Phishing unless overridden (regressors, multi-class models).</summary>
    protected virtual Dataset Stream => ConformanceData.Phishing;

    /// <summary>
    /// False for estimators whose River counterpart depends on the features' order (e.g. trees built from the first
    /// example's keys); they skip the reordering check.
    /// </summary>
    protected virtual bool FeatureOrderInvariant => true;

    [Fact]
    public void LearnOne_Always_DoesNotMutateInput()
    {
        Estimator estimator = Create();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        for (int row = 0; row < 10; row++)
        {
            Stream.Fill(row, x);
            string before = x.ToString();
            Learn(estimator, x, Stream.Target(row));
            Assert.Equal(before, x.ToString());
        }
    }

    [Fact]
    public void Predict_AfterLearning_DoesNotChangeState()
    {
        (Estimator estimator, FeatureSchema schema) = Trained(Warmup);
        byte[] before = estimator.SerializeState();
        var x = new FeatureVector(schema) { Interning = false };
        for (int row = Warmup; row < Warmup + 20; row++)
        {
            Stream.Fill(row, x);
            x.Set("never_seen_feature", 3.5);
            Predict(estimator, x);
        }

        Assert.Equal(before, estimator.SerializeState());
    }

    [Fact]
    public void Predict_FeaturesInAnotherOrder_SamePrediction()
    {
        if (!FeatureOrderInvariant)
        {
            return;
        }

        Estimator forward = Create();
        Estimator backward = Create();
        var forwardSchema = new FeatureSchema();
        var backwardSchema = new FeatureSchema();
        var x = new FeatureVector(forwardSchema);
        var reversed = new FeatureVector(backwardSchema);
        for (int row = 0; row < Warmup + 20; row++)
        {
            Stream.Fill(row, x);
            Reverse(x, reversed);
            if (row >= Warmup)
            {
                AssertClose(Predict(forward, x), Predict(backward, reversed));
            }

            Learn(forward, x, Stream.Target(row));
            Learn(backward, reversed, Stream.Target(row));
        }
    }

    [Fact]
    public void LearnAndPredict_EmergingAndDisappearingFeatures_Work()
    {
        Estimator estimator = Create();
        var schema = new FeatureSchema();
        var full = new FeatureVector(schema);
        var part = new FeatureVector(schema);
        for (int row = 0; row < Warmup; row++)
        {
            Stream.Fill(row, full);
            bool firstHalf = row < Warmup / 3;
            bool secondHalf = row >= 2 * Warmup / 3;
            part.Clear();
            for (int i = 0; i < full.Count; i++)
            {
                bool keep = firstHalf ? i < full.Count / 2 : !secondHalf || i >= full.Count / 2;
                if (keep)
                {
                    part.AppendFrom(full, i);
                }
            }

            Learn(estimator, part, Stream.Target(row));
        }

        byte[] state = estimator.SerializeState();
        var unseen = new FeatureVector(schema) { Interning = false };
        Stream.Fill(Warmup, unseen);
        unseen.Set("brand_new_feature", 1.0);
        Prediction prediction = Predict(estimator, unseen);
        Assert.All(prediction.Numbers, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(state, estimator.SerializeState());
    }

    [Fact]
    public void Snapshot_RoundTrip_IsBitIdenticalAndKeepsLearningIdentically()
    {
        (Estimator original, FeatureSchema schema) = Trained(Warmup);
        byte[] snapshot = EstimatorSnapshot.Save(original, schema);

        Estimator restored = original.CloneFresh();
        var restoredSchema = new FeatureSchema();
        EstimatorSnapshot.Load(snapshot, restored, restoredSchema);
        Assert.Equal(original.SerializeState(), restored.SerializeState());

        var x = new FeatureVector(schema);
        var y = new FeatureVector(restoredSchema);
        for (int row = Warmup; row < Warmup + 30; row++)
        {
            Stream.Fill(row, x);
            Stream.Fill(row, y);
            Assert.Equal(Predict(original, x).ToString(), Predict(restored, y).ToString());
            Learn(original, x, Stream.Target(row));
            Learn(restored, y, Stream.Target(row));
        }

        Assert.Equal(original.SerializeState(), restored.SerializeState());
    }

    [Fact]
    public void Learn_SameStreamTwice_BitIdenticalState()
    {
        (Estimator first, _) = Trained(Warmup * 2);
        (Estimator second, _) = Trained(Warmup * 2);
        Assert.Equal(first.SerializeState(), second.SerializeState());
        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public void CloneFresh_Trained_SameParametersNoState()
    {
        (Estimator trained, _) = Trained(Warmup);
        Estimator fresh = trained.CloneFresh();
        Assert.Equal(trained.ToString(), fresh.ToString());
        Assert.Equal(Create().SerializeState(), fresh.SerializeState());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void LearnAndPredict_NonFiniteFeature_RejectedWithoutStateChange(double bad)
    {
        (Estimator estimator, FeatureSchema schema) = Trained(Warmup);
        byte[] before = estimator.SerializeState();
        var x = new FeatureVector(schema);
        Stream.Fill(Warmup, x);
        x.Set(x.NameOf(x.IndexAt(0)), bad);

        Assert.Throws<InvalidFeatureException>(() => Learn(estimator, x, Stream.Target(Warmup)));
        Assert.Throws<InvalidFeatureException>(() => Predict(estimator, x));
        Assert.Equal(before, estimator.SerializeState());
    }

    [Fact]
    public void LearnOne_MissingOrWrongKindLabel_RejectedWithoutStateChange()
    {
        (Estimator estimator, FeatureSchema schema) = Trained(Warmup);
        if (estimator is Transformer or AnomalyDetector)
        {
            return;
        }

        byte[] before = estimator.SerializeState();
        var x = new FeatureVector(schema);
        Stream.Fill(Warmup, x);
        Assert.Throws<InvalidLabelException>(() => Learn(estimator, x, Label.None));
        foreach (Label wrong in WrongLabels(estimator))
        {
            Assert.Throws<InvalidLabelException>(() => Learn(estimator, x, wrong));
        }

        if (estimator is Regressor regressor)
        {
            Assert.Throws<InvalidLabelException>(() => regressor.LearnOne(x, double.NaN));
        }

        Assert.Equal(before, estimator.SerializeState());
    }

    /// <summary>Labels of the wrong kind for this estimator; binary classifiers refuse classes other than 0/1.</summary>
    protected virtual IEnumerable<Label> WrongLabels(Estimator estimator) => estimator switch
    {
        Regressor or SupervisedAnomalyDetector => [Label.FromText("high")],
        Classifier when Stream.Task == TaskKind.BinaryClassification => [Label.FromText("spam"), Label.FromInteger(2)],
        _ => [],
    };

    protected (Estimator Estimator, FeatureSchema Schema) Trained(int rows)
    {
        Estimator estimator = Create();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        for (int row = 0; row < rows; row++)
        {
            Stream.Fill(row, x);
            Learn(estimator, x, Stream.Target(row));
        }

        return (estimator, schema);
    }

    protected static void Learn(Estimator estimator, FeatureVector x, Label y)
    {
        switch (estimator)
        {
            case Classifier classifier:
                classifier.LearnOne(x, y);
                break;
            case Regressor regressor:
                regressor.LearnOne(x, y);
                break;
            case SupervisedTransformer supervised:
                supervised.LearnOne(x, y);
                break;
            case Transformer transformer:
                transformer.LearnOne(x);
                break;
            case AnomalyDetector detector:
                detector.LearnOne(x);
                break;
            case SupervisedAnomalyDetector supervised:
                supervised.LearnOne(x, y);
                break;
            default:
                throw new NotSupportedException(estimator.GetType().Name);
        }
    }

    protected static Prediction Predict(Estimator estimator, FeatureVector x)
    {
        switch (estimator)
        {
            case Classifier classifier:
                var probabilities = new ClassProbabilities();
                classifier.PredictProbaOne(x, probabilities);
                var labels = new List<string> { classifier.PredictOne(x).ToString() };
                var numbers = new List<double>();
                for (int i = 0; i < probabilities.Count; i++)
                {
                    labels.Add(probabilities.Classes[i].ToString());
                    numbers.Add(probabilities.Probabilities[i]);
                }

                return new Prediction(string.Join(",", labels), [.. numbers]);
            case Regressor regressor:
                return new Prediction(string.Empty, [regressor.PredictOne(x)]);
            case AnomalyDetector detector:
                return new Prediction(string.Empty, [detector.ScoreOne(x)]);
            case SupervisedAnomalyDetector supervised:
                return new Prediction(string.Empty, [supervised.ScoreOne(x, 0.0), supervised.ScoreOne(x, 50.0)]);
            case Transformer transformer:
                var output = new FeatureVector(x.Schema) { Interning = false };
                transformer.TransformOne(x, output);
                var named = new SortedDictionary<string, double>(StringComparer.Ordinal);
                for (int i = 0; i < output.Count; i++)
                {
                    named[output.NameOf(output.IndexAt(i))] = output.ValueAt(i);
                }

                return new Prediction(string.Join(",", named.Keys), [.. named.Values]);
            default:
                throw new NotSupportedException(estimator.GetType().Name);
        }
    }

    private static void Reverse(FeatureVector source, FeatureVector destination)
    {
        destination.Clear();
        for (int i = source.Count - 1; i >= 0; i--)
        {
            int symbol = source.SymbolAt(i);
            string name = source.NameOf(source.IndexAt(i));
            if (symbol == FeatureVector.NoSymbol)
            {
                destination.Set(name, source.ValueAt(i));
            }
            else
            {
                destination.SetCategorical(name, source.SymbolText(symbol));
            }
        }
    }

    private static void AssertClose(Prediction expected, Prediction actual)
    {
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.Numbers.Length, actual.Numbers.Length);
        for (int i = 0; i < expected.Numbers.Length; i++)
        {
            double e = expected.Numbers[i];
            double a = actual.Numbers[i];
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1.0, Math.Abs(e)), $"{e:R} vs {a:R}");
        }
    }

    protected sealed record Prediction(string Label, double[] Numbers)
    {
        public override string ToString() =>
            Label + ":" + string.Join(",", Numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture)));
    }
}
