using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Trees.Nodes;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseTreeRegressor</c> in the ARF module: a Hoeffding tree regressor whose leaves watch a random subset
/// of <c>max_features</c> features, drawn from the generator the whole forest shares.
/// </summary>
/// <remarks>As in River, the forest does not pass <c>min_samples_split</c> on: the trees keep the default 5.</remarks>
internal sealed class ARFTreeRegressor : HoeffdingTreeRegressor
{
    private readonly ARFRegressor _forest;

    public ARFTreeRegressor(ARFRegressor forest, int maxFeatures, PythonRandom rng)
        : base(
            forest.GracePeriod, forest.MaxDepth, forest.Delta, forest.Tau, forest.LeafPrediction, (Regressor)forest.LeafModel.CloneFresh(),
            forest.ModelSelectorDecay, forest.NominalAttributes, forest.Splitter.CloneFresh(), binarySplit: forest.BinarySplit,
            maxSize: forest.MaxSize, memoryEstimatePeriod: forest.MemoryEstimatePeriod, stopMemManagement: forest.StopMemManagement,
            removePoorAttrs: forest.RemovePoorAttrs, meritPreprune: forest.MeritPreprune)
    {
        _forest = forest;
        MaxFeatures = maxFeatures;
        Rng = rng;
    }

    public int MaxFeatures { get; }

    public PythonRandom Rng { get; }

    /// <summary>River's <c>new_instance</c>: same parameters, no state, the same generator.</summary>
    public ARFTreeRegressor NewInstance() => new(_forest, MaxFeatures, Rng);

    /// <summary>River's <c>BaseTreeRegressor._new_leaf</c>: the base tree's model and faded-error hand-over, random leaves.</summary>
    private protected override RegressionLeaf NewLeaf(VarianceStats? initialStats, TreeNode? parent)
    {
        RegressionLeafMode mode = Mode;
        Regressor? model = null;
        if (mode != RegressionLeafMode.Mean)
        {
            model = parent is RegressionLeaf { Model: { } parentModel } ? (Regressor)parentModel.Clone() : (Regressor)LeafModel.CloneFresh();
        }

        var leaf = new RandomRegressionLeaf(
            parent is null ? 0 : parent.Depth + 1, Tree.Settings.Splitter, mode, initialStats ?? default, model, MaxFeatures, Rng);
        if (mode == RegressionLeafMode.Adaptive && parent is RegressionLeaf { Mode: RegressionLeafMode.Adaptive } source)
        {
            leaf.FadedErrorMean = source.FadedErrorMean;
            leaf.FadedErrorModel = source.FadedErrorModel;
        }

        return leaf;
    }

    private protected override Leaf ReadLeaf(StateReader reader, byte tag)
    {
        StateReader.Require(tag == RegressionLeaf.TagValue, $"Unexpected node tag {tag} in an ARF tree.");
        return RandomRegressionLeaf.Read(reader, Tree.Settings.Splitter, LeafModel, MaxFeatures, Rng);
    }
}
