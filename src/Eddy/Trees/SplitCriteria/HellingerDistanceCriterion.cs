namespace Eddy.Trees.SplitCriteria;

/// <summary>
/// River: <c>tree.split_criterion.HellingerDistanceCriterion</c>. Cieslak et al. (2012), "Hellinger distance
/// decision trees are robust and skew-insensitive". Binary targets: River reads the classes equal to 0 and 1
/// (False and True); a branch missing one of them scores 0, as River's KeyError does.
/// </summary>
internal sealed class HellingerDistanceCriterion : ClassSplitCriterion
{
    private const double MinBranchFraction = 0.01;
    private readonly int _negative;
    private readonly int _positive;

    /// <param name="negative">Class index of the label 0 (False), -1 when unseen.</param>
    /// <param name="positive">Class index of the label 1 (True), -1 when unseen.</param>
    public HellingerDistanceCriterion(int negative, int positive)
    {
        _negative = negative;
        _positive = positive;
    }

    public override double MeritOfSplit(ClassWeights preSplit, ClassWeights[] postSplit)
    {
        if (SubsetsGreaterThanFraction(postSplit, MinBranchFraction, requirePositiveTotal: false) < 2)
        {
            return double.NegativeInfinity;
        }

        if (postSplit.Length < 2)
        {
            return 0.0;
        }

        int leftPositive = postSplit[0].PositionOf(_positive), leftNegative = postSplit[0].PositionOf(_negative);
        int rightPositive = postSplit[1].PositionOf(_positive), rightNegative = postSplit[1].PositionOf(_negative);
        if (leftPositive < 0 || leftNegative < 0 || rightPositive < 0 || rightNegative < 0)
        {
            return 0.0;
        }

        double lp = postSplit[0].WeightAt(leftPositive), ln = postSplit[0].WeightAt(leftNegative);
        double rp = postSplit[1].WeightAt(rightPositive), rn = postSplit[1].WeightAt(rightNegative);
        double totalNegative = ln + rn;
        double totalPositive = lp + rp;
        double a = Math.Sqrt(ln / totalNegative) - Math.Sqrt(lp / totalPositive);
        double b = Math.Sqrt(rn / totalNegative) - Math.Sqrt(rp / totalPositive);
        return Math.Sqrt((a * a) + (b * b));
    }

    public override double RangeOfMerit(ClassWeights preSplit) => LogClassCount(preSplit);
}
