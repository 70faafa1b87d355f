namespace Eddy.Trees.SplitCriteria;

/// <summary>River 0.12.1: <c>tree.split_criterion.GiniSplitCriterion</c> (no minimum branch fraction in that version).</summary>
internal sealed class GiniSplitCriterion : ClassSplitCriterion
{
    public override double MeritOfSplit(ClassWeights preSplit, ClassWeights[] postSplit)
    {
        double total = 0.0;
        Span<double> weights = postSplit.Length <= 64 ? stackalloc double[postSplit.Length] : new double[postSplit.Length];
        for (int i = 0; i < postSplit.Length; i++)
        {
            weights[i] = postSplit[i].Total();
            total += weights[i];
        }

        double gini = 0.0;
        for (int i = 0; i < postSplit.Length; i++)
        {
            gini += weights[i] / total * Gini(postSplit[i], weights[i]);
        }

        return 1.0 - gini;
    }

    public override double RangeOfMerit(ClassWeights preSplit) => 1.0;

    private static double Gini(ClassWeights distribution, double sum)
    {
        double gini = 1.0;
        if (sum != 0.0)
        {
            for (int i = 0; i < distribution.Count; i++)
            {
                double relative = distribution.WeightAt(i) / sum;
                gini -= relative * relative;
            }
        }

        return gini;
    }
}
