using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>
/// What a classifier said about one example: the predicted class and, when asked, the class probabilities.
/// Label metrics read <see cref="Label"/>; probability metrics (ROCAUC, LogLoss, CrossEntropy) read
/// <see cref="Probabilities"/>, as River passes <c>predict_proba_one</c> to metrics whose <c>requires_labels</c> is false.
/// </summary>
public readonly struct ClassificationPrediction
{
    public ClassificationPrediction(Label label, ClassProbabilities? probabilities = null)
    {
        Label = label;
        Probabilities = probabilities;
    }

    public Label Label { get; }

    public ClassProbabilities? Probabilities { get; }

    /// <summary>The probabilities, or a clear error when a probability metric was given only a label.</summary>
    public ClassProbabilities RequireProbabilities(string metric) =>
        Probabilities ?? throw new ArgumentException($"{metric} needs class probabilities (predict_proba_one), not only a label.");
}
