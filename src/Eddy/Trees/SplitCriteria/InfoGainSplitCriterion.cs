namespace Eddy.Trees.SplitCriteria;

/// <summary>River: <c>tree.split_criterion.InfoGainSplitCriterion</c> (min_branch_frac_option = 0.01, as in 0.12.1).</summary>
internal sealed class InfoGainSplitCriterion : ClassSplitCriterion
{
    private const double MinBranchFraction = 0.01;

    public override double MeritOfSplit(ClassWeights preSplit, ClassWeights[] postSplit)
    {
        if (SubsetsGreaterThanFraction(postSplit, MinBranchFraction, requirePositiveTotal: true) < 2)
        {
            return double.NegativeInfinity;
        }

        return Entropy(preSplit) - Entropy(postSplit);
    }

    public override double RangeOfMerit(ClassWeights preSplit) => LogClassCount(preSplit);

    public static double Entropy(ClassWeights distribution)
    {
        double entropy = 0.0;
        double sum = 0.0;
        for (int i = 0; i < distribution.Count; i++)
        {
            double d = distribution.WeightAt(i);
            if (d > 0.0)
            {
                entropy -= d * Math.Log2(d);
                sum += d;
            }
        }

        return sum > 0.0 ? (entropy + (sum * Math.Log2(sum))) / sum : 0.0;
    }

    private static double Entropy(ClassWeights[] distributions)
    {
        double total = 0.0;
        Span<double> weights = distributions.Length <= 64 ? stackalloc double[distributions.Length] : new double[distributions.Length];
        for (int i = 0; i < distributions.Length; i++)
        {
            weights[i] = distributions[i].Total();
            total += weights[i];
        }

        double entropy = 0.0;
        for (int i = 0; i < distributions.Length; i++)
        {
            entropy += weights[i] * Entropy(distributions[i]);
        }

        return entropy / total;
    }
}
