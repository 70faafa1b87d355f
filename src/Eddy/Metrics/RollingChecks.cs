using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>Shared input checks and example (de)serialization of the rolling wrappers.</summary>
internal static class RollingChecks
{
    public static void Check(ClassificationMetric metric, Label yTrue, ClassificationPrediction yPred, double w)
    {
        BinaryMetric.CheckWeight(w);
        if (yTrue.IsNone)
        {
            throw new InvalidLabelException("The label is missing.");
        }

        if (metric.RequiresLabels && yPred.Label.IsNone)
        {
            throw new InvalidLabelException("The predicted label is missing.");
        }

        if (!metric.RequiresLabels)
        {
            yPred.RequireProbabilities(metric.Name);
        }
    }

    public static void WriteExample(StateWriter writer, Label truth, Label prediction, double weight, ClassProbabilities? probabilities)
    {
        writer.WriteLabel(truth);
        writer.WriteLabel(prediction);
        writer.WriteDouble(weight);
        writer.WriteBoolean(probabilities is not null);
        if (probabilities is not null)
        {
            writer.WriteInt32(probabilities.Count);
            for (int i = 0; i < probabilities.Count; i++)
            {
                writer.WriteLabel(probabilities.Classes[i]);
                writer.WriteDouble(probabilities.Probabilities[i]);
            }
        }
    }

    public static (Label Truth, Label Prediction, double Weight, ClassProbabilities? Probabilities) ReadExample(StateReader reader)
    {
        Label truth = reader.ReadLabel();
        Label prediction = reader.ReadLabel();
        double weight = reader.ReadDouble();
        StateReader.Require(double.IsFinite(weight), "A windowed example has a non-finite weight.");
        ClassProbabilities? probabilities = null;
        if (reader.ReadBoolean())
        {
            int count = reader.ReadCount();
            probabilities = new ClassProbabilities(count);
            for (int i = 0; i < count; i++)
            {
                Label label = reader.ReadLabel();
                probabilities.Add(label, reader.ReadDouble());
            }
        }

        return (truth, prediction, weight, probabilities);
    }
}
