using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// A classification update kept by a rolling window. The probabilities are copied into a buffer the entry owns and
/// keeps when its slot is reused, so once every slot has one the steady state allocates nothing.
/// </summary>
internal struct ClassificationExample : IWindowExample<ClassificationExample, ClassificationMetric>
{
    private Label _truth;
    private Label _predicted;
    private double _weight;
    private ClassProbabilities? _probabilities;
    private bool _hasProbabilities;

    /// <summary>The prediction as the wrapped metric saw it: with probabilities only if it scores them.</summary>
    public readonly ClassificationPrediction Prediction => new(_predicted, _hasProbabilities ? _probabilities : null);

    /// <summary>The checks of the wrapped metric, made before a window reverts its oldest example.</summary>
    public static void Validate(ClassificationMetric metric, Label yTrue, ClassificationPrediction yPred, double w)
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

    public static ClassificationExample Read(StateReader reader)
    {
        Label truth = reader.ReadLabel();
        Label predicted = reader.ReadLabel();
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

        return new ClassificationExample
        {
            _truth = truth,
            _predicted = predicted,
            _weight = weight,
            _probabilities = probabilities,
            _hasProbabilities = probabilities is not null,
        };
    }

    /// <summary>Stores an update; the probabilities are kept only for a metric that scores them.</summary>
    public void Set(Label yTrue, ClassificationPrediction yPred, double w, bool keepProbabilities)
    {
        _truth = yTrue;
        _predicted = yPred.Label;
        _weight = w;
        _hasProbabilities = keepProbabilities && yPred.Probabilities is not null;
        if (_hasProbabilities)
        {
            yPred.Probabilities!.CopyTo(_probabilities ??= new ClassProbabilities(yPred.Probabilities.Count));
        }
    }

    public readonly void RevertFrom(ClassificationMetric metric) => metric.Revert(_truth, Prediction, _weight);

    public readonly void Write(StateWriter writer)
    {
        writer.WriteLabel(_truth);
        writer.WriteLabel(_predicted);
        writer.WriteDouble(_weight);
        writer.WriteBoolean(_hasProbabilities);
        if (_hasProbabilities)
        {
            writer.WriteInt32(_probabilities!.Count);
            for (int i = 0; i < _probabilities.Count; i++)
            {
                writer.WriteLabel(_probabilities.Classes[i]);
                writer.WriteDouble(_probabilities.Probabilities[i]);
            }
        }
    }
}
