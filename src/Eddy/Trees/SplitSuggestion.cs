namespace Eddy.Trees;

/// <summary>
/// River's <c>tree.utils.BranchFactory</c>: one split candidate (feature, test and the target statistics of each
/// resulting branch). A suggestion without a feature is the null split, River's pre-pruning option.
/// </summary>
internal sealed class SplitSuggestion
{
    public static SplitSuggestion Null() => new(double.NegativeInfinity, -1);

    public SplitSuggestion(double merit, int feature)
    {
        Merit = merit;
        Feature = feature;
    }

    public double Merit { get; }

    /// <summary>The feature index split on; -1 for the null split.</summary>
    public int Feature { get; }

    public bool IsNull => Feature < 0;

    public bool Numeric { get; init; } = true;

    public bool Multiway { get; init; }

    /// <summary>Numeric binary test: <c>x ≤ Threshold</c> goes left.</summary>
    public double Threshold { get; init; }

    /// <summary>Nominal binary test: <c>x == Value</c> goes left.</summary>
    public FeatureValue Value { get; init; }

    /// <summary>Nominal multiway test: one branch per value, in this order.</summary>
    public FeatureValue[] Values { get; init; } = [];

    /// <summary>Classification: the class weights of each branch.</summary>
    public ClassWeights[] ClassStats { get; init; } = [];

    /// <summary>Regression: the target statistics of each branch.</summary>
    public VarianceStats[] TargetStats { get; init; } = [];

    public int BranchCount => ClassStats.Length > 0 ? ClassStats.Length : TargetStats.Length;

    /// <summary>Python's stable <c>list.sort()</c> by merit (ties keep their order), in place.</summary>
    public static void SortByMerit(List<SplitSuggestion> suggestions)
    {
        for (int i = 1; i < suggestions.Count; i++)
        {
            SplitSuggestion current = suggestions[i];
            int j = i - 1;
            while (j >= 0 && current.Merit < suggestions[j].Merit)
            {
                suggestions[j + 1] = suggestions[j];
                j--;
            }

            suggestions[j + 1] = current;
        }
    }
}
