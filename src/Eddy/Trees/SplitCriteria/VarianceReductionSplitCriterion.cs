namespace Eddy.Trees.SplitCriteria;

/// <summary>River: <c>tree.split_criterion.VarianceReductionSplitCriterion</c>; merits compared as ratios (range 1).</summary>
internal sealed class VarianceReductionSplitCriterion
{
    public VarianceReductionSplitCriterion(int minSamplesSplit)
    {
        MinSamplesSplit = minSamplesSplit;
    }

    public int MinSamplesSplit { get; }

    public double MeritOfSplit(in VarianceStats preSplit, ReadOnlySpan<VarianceStats> postSplit)
    {
        double n = preSplit.N;
        int count = 0;
        foreach (VarianceStats branch in postSplit)
        {
            if (branch.N >= MinSamplesSplit)
            {
                count++;
            }
        }

        double vr = 0.0;
        if (count == postSplit.Length)
        {
            vr = preSplit.Variance;
            foreach (VarianceStats branch in postSplit)
            {
                vr -= branch.N / n * branch.Variance;
            }
        }

        return vr;
    }
}
