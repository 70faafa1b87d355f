using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Trees.Nodes;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseTreeClassifier</c> in the ARF module: a Hoeffding tree whose leaves watch a random subset of
/// <c>max_features</c> features, drawn from the generator the whole forest shares.
/// </summary>
internal sealed class ARFTreeClassifier : HoeffdingTreeClassifier
{
    private readonly ARFClassifier _forest;

    public ARFTreeClassifier(ARFClassifier forest, int maxFeatures, PythonRandom rng)
        : base(
            forest.GracePeriod, forest.MaxDepth, forest.SplitCriterion, forest.Delta, forest.Tau, forest.LeafPrediction, forest.NbThreshold,
            forest.NominalAttributes, forest.Splitter.CloneFresh(), forest.BinarySplit, forest.MaxSize, forest.MemoryEstimatePeriod,
            forest.StopMemManagement, forest.RemovePoorAttrs, forest.MeritPreprune)
    {
        _forest = forest;
        MaxFeatures = maxFeatures;
        Rng = rng;
    }

    public int MaxFeatures { get; }

    public PythonRandom Rng { get; }

    /// <summary>River's <c>new_instance</c>: same parameters, no state, the same generator.</summary>
    public ARFTreeClassifier NewInstance() => new(_forest, MaxFeatures, Rng);

    private protected override ClassificationLeaf NewLeaf(ClassWeights? initialStats, TreeNode? parent) =>
        new RandomClassificationLeaf(
            parent is null ? 0 : parent.Depth + 1, Tree.Settings.Splitter, Prediction, initialStats ?? new ClassWeights(), MaxFeatures, Rng);

    private protected override Leaf ReadLeaf(StateReader reader, byte tag, int classCount)
    {
        StateReader.Require(tag == ClassificationLeaf.TagValue, $"Unexpected node tag {tag} in an ARF tree.");
        return RandomClassificationLeaf.Read(reader, Tree.Settings.Splitter, classCount, MaxFeatures, Rng);
    }
}
