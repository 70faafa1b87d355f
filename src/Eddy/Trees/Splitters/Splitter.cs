using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.SplitCriteria;

namespace Eddy.Trees.Splitters;

/// <summary>
/// River: <c>tree.splitter.base.Splitter</c>, an attribute observer: it summarises one feature's values against
/// the target at a leaf and proposes the best split on that feature. Each leaf owns a fresh copy per feature.
/// </summary>
public abstract class Splitter
{
    private protected Splitter()
    {
    }

    /// <summary>True for classification splitters (River's <c>is_target_class</c>).</summary>
    public abstract bool IsTargetClass { get; }

    public abstract override string ToString();

    /// <summary>A splitter with the same parameters and nothing observed (River's deep copy of the template).</summary>
    internal abstract Splitter CloneFresh();

    /// <summary>Tag written before the state, checked on read.</summary>
    internal abstract byte Tag { get; }

    internal virtual void Update(FeatureValue value, int classIndex, double weight) => throw new NotSupportedException();

    internal virtual void Update(FeatureValue value, double target, double weight) => throw new NotSupportedException();

    /// <summary>River's <c>cond_proba</c>: P(value | class) for naive Bayes leaves.</summary>
    internal virtual double CondProba(FeatureValue value, int classIndex) => throw new NotSupportedException();

    internal virtual SplitSuggestion BestSplit(
        ClassSplitCriterion criterion, ClassWeights preSplit, int feature, bool binaryOnly, FeatureSchema schema) =>
        throw new NotSupportedException();

    internal virtual SplitSuggestion BestSplit(
        VarianceReductionSplitCriterion criterion, in VarianceStats preSplit, int feature, bool binaryOnly, FeatureSchema schema) =>
        throw new NotSupportedException();

    /// <summary>FIMT-DD's pruning of hopeless split points after a failed attempt (E-BST only).</summary>
    internal virtual void RemoveBadSplits(
        VarianceReductionSplitCriterion criterion, double lastCheckRatio, double lastCheckVr, double lastCheckE, in VarianceStats preSplit)
    {
    }

    /// <summary>Deterministic size in bytes of the observed state, for the tree's memory management.</summary>
    internal abstract long EstimateBytes();

    internal abstract void WriteState(StateWriter writer);

    internal abstract void ReadState(StateReader reader, int classCount);
}
