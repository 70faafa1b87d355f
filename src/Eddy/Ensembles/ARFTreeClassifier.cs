using Eddy.Base;
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
    private const int StackLimit = 128;
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

    /// <summary>
    /// <see cref="Classifier.PredictOne"/> for the forest's metric on an example the forest validated; the walk and
    /// the leaf's votes stay in <paramref name="path"/> for <see cref="HoeffdingTreeClassifier.LearnOne(FeatureVector, Label, double, LeafPath)"/>.
    /// </summary>
    public Label PredictBeforeLearning(FeatureVector x, LeafPath path)
    {
        path.Clear();
        if (Tree.Root is null)
        {
            return Label.None;
        }

        // TreeCore.PredictionLeaf, remembering the last branch and whether the learn walk would stop earlier.
        TreeNode node = Tree.Root;
        Branch? parent = null;
        int parentBranch = -1;
        bool direct = true;
        while (node.AsBranch is { } branch)
        {
            int b = branch.BranchNo(x);
            if (b < 0)
            {
                direct = false;
                b = branch.MostCommonPath();
            }

            parent = branch;
            parentBranch = b;
            node = branch.Children[b];
        }

        var leaf = (ClassificationLeaf)node;
        path.Reached(this, x, leaf, parent, parentBranch, direct);
        int count = Classes.Count;
        Span<double> byClass = count <= StackLimit ? stackalloc double[count] : new double[count];
        byClass.Clear();
        leaf.Predict(x, NbThreshold, byClass, path);
        return MostLikely(byClass);
    }

    /// <summary>PredictOne right after learning <paramref name="x"/>: the learned leaf, unless a split replaced it.</summary>
    public Label PredictAfterLearning(FeatureVector x, LeafPath path)
    {
        Leaf? leaf = path.Matches(this, x) && path.Learned is { } learned ? learned : Tree.PredictionLeaf(x);
        if (leaf is null)
        {
            return Label.None;
        }

        int count = Classes.Count;
        Span<double> byClass = count <= StackLimit ? stackalloc double[count] : new double[count];
        byClass.Clear();
        ((ClassificationLeaf)leaf).Predict(x, NbThreshold, byClass);
        return MostLikely(byClass);
    }

    /// <summary><see cref="ClassProbabilities.ArgMax"/> over the classes in reported order: the first on ties.</summary>
    private Label MostLikely(ReadOnlySpan<double> byClass)
    {
        int[] sorted = SortedClasses;
        if (sorted.Length == 0)
        {
            return Label.None;
        }

        int best = sorted[0];
        for (int i = 1; i < sorted.Length; i++)
        {
            if (byClass[sorted[i]] > byClass[best])
            {
                best = sorted[i];
            }
        }

        return Classes[best];
    }

    private protected override ClassificationLeaf NewLeaf(ClassWeights? initialStats, TreeNode? parent) =>
        new RandomClassificationLeaf(
            parent is null ? 0 : parent.Depth + 1, Tree.Settings.Splitter, Prediction, initialStats ?? new ClassWeights(), MaxFeatures, Rng);

    private protected override Leaf ReadLeaf(StateReader reader, byte tag, int classCount)
    {
        StateReader.Require(tag == ClassificationLeaf.TagValue, $"Unexpected node tag {tag} in an ARF tree.");
        return RandomClassificationLeaf.Read(reader, Tree.Settings.Splitter, classCount, MaxFeatures, Rng);
    }
}
