using Eddy.Base;

namespace Eddy.Trees.SplitCriteria;

/// <summary>River's <c>tree.split_criterion.base.SplitCriterion</c> for class distributions.</summary>
internal abstract class ClassSplitCriterion
{
    /// <summary>Rank of each class index in Python's sorted order of the labels (nominal multiway splits sort by it).</summary>
    public int[] ClassRank { get; set; } = [];

    /// <summary>River's <c>merit_of_split(pre_split_dist, post_split_dist)</c>.</summary>
    public abstract double MeritOfSplit(ClassWeights preSplit, ClassWeights[] postSplit);

    /// <summary>The range R of the merit used in the Hoeffding bound.</summary>
    public abstract double RangeOfMerit(ClassWeights preSplit);

    public static ClassSplitCriterion Create(string name, ClassTable classes, int[] classRank)
    {
        ClassSplitCriterion criterion = name switch
        {
            "gini" => new GiniSplitCriterion(),
            "hellinger" => new HellingerDistanceCriterion(IndexOf(classes, Label.False), IndexOf(classes, Label.True)),
            _ => new InfoGainSplitCriterion(),
        };
        criterion.ClassRank = classRank;
        return criterion;
    }

    /// <summary>How many branches hold more than <paramref name="minFraction"/> of the weight.</summary>
    protected static int SubsetsGreaterThanFraction(ClassWeights[] distributions, double minFraction, bool requirePositiveTotal)
    {
        double total = 0.0;
        Span<double> sums = distributions.Length <= 64 ? stackalloc double[distributions.Length] : new double[distributions.Length];
        for (int i = 0; i < distributions.Length; i++)
        {
            sums[i] = distributions[i].Total();
            total += sums[i];
        }

        int greater = 0;
        if (requirePositiveTotal && !(total > 0))
        {
            return 0;
        }

        foreach (double sum in sums)
        {
            if (sum / total > minFraction)
            {
                greater++;
            }
        }

        return greater;
    }

    private static int IndexOf(ClassTable classes, Label label) => classes.TryGetIndex(label, out int index) ? index : -1;

    /// <summary>River's <c>log2(max(len(stats), 2))</c>.</summary>
    protected static double LogClassCount(ClassWeights preSplit) => Math.Log2(Math.Max(preSplit.Count, 2));
}
