using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>How River's bagging and boosting classifiers combine their members' <c>predict_proba_one</c>.</summary>
internal static class EnsembleVoting
{
    /// <summary>
    /// River's <c>BaggingClassifier.predict_proba_one</c>: sums the members' distributions in a Counter (classes in
    /// first-seen order), then divides by the total when it is positive.
    /// </summary>
    public static bool Average(IReadOnlyList<Classifier> models, FeatureVector x, ClassProbabilities output)
    {
        output.Clear();
        ClassProbabilities member = ScratchPool.RentProbabilities();
        try
        {
            for (int i = 0; i < models.Count; i++)
            {
                if (models[i].PredictProbaOne(x, member))
                {
                    AddAll(member, output);
                }
            }
        }
        finally
        {
            ScratchPool.Return(member);
        }

        double total = PythonSum.Of(output.Probabilities);
        if (total > 0)
        {
            output.Divide(total);
        }

        return output.Count > 0;
    }

    /// <summary>Counter.update: adds each class's probability to the running sum.</summary>
    public static void AddAll(ClassProbabilities source, ClassProbabilities sum)
    {
        ReadOnlySpan<Label> classes = source.Classes;
        ReadOnlySpan<double> probabilities = source.Probabilities;
        for (int j = 0; j < classes.Length; j++)
        {
            sum.Accumulate(classes[j], probabilities[j]);
        }
    }
}
