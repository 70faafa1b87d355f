using Eddy.Base;

namespace Eddy.Ensembles;

/// <summary>
/// The forests' vote (River's ARF and SRP <c>predict_proba_one</c>): each member's distribution, weighted by its metric
/// when that is positive and weighting is on, summed class by class, then normalized.
/// </summary>
internal static class WeightedVote
{
    public static void Add(ClassProbabilities output, ClassProbabilities member, double weight, bool disableWeightedVote)
    {
        bool weighted = !disableWeightedVote && weight > 0.0;
        ReadOnlySpan<Label> classes = member.Classes;
        ReadOnlySpan<double> probabilities = member.Probabilities;
        for (int i = 0; i < classes.Length; i++)
        {
            output.Accumulate(classes[i], weighted ? probabilities[i] * weight : probabilities[i]);
        }
    }

    /// <summary>Divides by the total (left-to-right sum, as River's); false when no member voted.</summary>
    public static bool Normalize(ClassProbabilities output)
    {
        double total = 0.0;
        foreach (double p in output.Probabilities)
        {
            total += p;
        }

        if (total > 0)
        {
            output.Divide(total);
        }

        return output.Count > 0;
    }
}
