using System.Globalization;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.Nodes;
using Eddy.Trees.SplitCriteria;
using Eddy.Trees.Splitters;

namespace Eddy.Trees;

/// <summary>
/// River: <c>tree.HoeffdingTreeClassifier</c>, the Hoeffding tree or Very Fast Decision Tree. A leaf splits once the
/// best split beats the second best by the Hoeffding bound (or the bound falls below <c>tau</c>). Domingos and
/// Hulten (2000); Hulten, Spencer and Domingos (2001); MOA's implementation (Bifet et al., 2010).
/// </summary>
/// <remarks>
/// Categorical features are nominal attributes, as River treats non-numeric values; so are numeric features named in
/// <c>nominalAttributes</c>. Classes are reported in sorted order, as River's <c>predict_proba_one</c> does.
/// Adaptive and forest trees derive from this class and override <see cref="NewLeaf"/> and <see cref="AttemptToSplit"/>.
/// </remarks>
public class HoeffdingTreeClassifier : Classifier
{
    private const byte StateVersion = 1;
    private const int StackLimit = 128;
    private static readonly string[] s_criteria = ["info_gain", "gini", "hellinger"];
    private static readonly string[] s_predictions = ["nba", "nb", "mc"];
    private readonly int? _maxDepth;
    private ClassTable _classes = new();
    private int[] _sortedClasses = [];
    private int[] _classRank = [];

    public HoeffdingTreeClassifier(
        int gracePeriod = 200,
        int? maxDepth = null,
        string splitCriterion = "info_gain",
        double delta = 1e-7,
        double tau = 0.05,
        string leafPrediction = "nba",
        double nbThreshold = 0,
        IEnumerable<string>? nominalAttributes = null,
        Splitter? splitter = null,
        bool binarySplit = false,
        double maxSize = 100.0,
        long memoryEstimatePeriod = 1_000_000,
        bool stopMemManagement = false,
        bool removePoorAttrs = false,
        bool meritPreprune = true)
    {
        TreeSettings.Validate(gracePeriod, maxDepth, delta, tau, maxSize, memoryEstimatePeriod);
        if (!s_criteria.Contains(splitCriterion))
        {
            throw new ArgumentOutOfRangeException(nameof(splitCriterion), splitCriterion, "Valid options: info_gain, gini, hellinger.");
        }

        if (!s_predictions.Contains(leafPrediction))
        {
            throw new ArgumentOutOfRangeException(nameof(leafPrediction), leafPrediction, "Valid options: nba, nb, mc.");
        }

        if (!double.IsFinite(nbThreshold) || nbThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nbThreshold), nbThreshold, "Must be finite and non-negative.");
        }

        splitter ??= new GaussianSplitter();
        if (!splitter.IsTargetClass)
        {
            throw new ArgumentException("The chosen splitter cannot be used in classification tasks.", nameof(splitter));
        }

        _maxDepth = maxDepth;
        SplitCriterion = splitCriterion;
        LeafPredictionName = leafPrediction;
        NbThreshold = nbThreshold;
        HashSet<string>? nominal = nominalAttributes is null ? null : new HashSet<string>(nominalAttributes, StringComparer.Ordinal);
        Tree = new TreeCore(new TreeSettings(
            gracePeriod, maxDepth ?? double.PositiveInfinity, delta, tau, binarySplit, maxSize, memoryEstimatePeriod,
            stopMemManagement, removePoorAttrs, meritPreprune, nominal, splitter));
    }

    public string SplitCriterion { get; }

    public string LeafPredictionName { get; }

    public double NbThreshold { get; }

    public override bool AcceptsCategorical => true;

    /// <summary>Number of leaves (River's <c>n_leaves</c>), 0 before learning.</summary>
    public int LeafCount => Tree.Root is null ? 0 : Tree.Leaves().Count;

    public int ActiveLeafCount => Tree.ActiveLeaves;

    public int InactiveLeafCount => Tree.InactiveLeaves;

    /// <summary>River's <c>height</c>: the deepest leaf's depth plus one, 0 before learning.</summary>
    public int Height => Tree.Root is null ? 0 : Tree.Leaves().Max(l => l.Depth) + 1;

    internal TreeCore Tree { get; private set; }

    internal ClassTable Classes => _classes;

    /// <summary>Class indices in River's reported (sorted) order.</summary>
    private protected int[] SortedClasses => _sortedClasses;

    private protected LeafPrediction Prediction => LeafPredictionName switch
    {
        "mc" => LeafPrediction.MajorityClass,
        "nb" => LeafPrediction.NaiveBayes,
        _ => LeafPrediction.NaiveBayesAdaptive,
    };

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0) => LearnOne(x, y, w, null);

    /// <summary>LearnOne reusing the walk and votes a forest's prediction left in <paramref name="path"/>, which then holds the leaf learned.</summary>
    internal void LearnOne(FeatureVector x, Label y, double w, LeafPath? path)
    {
        ValidateInput(x);
        ValidateLabel(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        // Check before any change: the leaf this example reaches must be able to take it. Nothing below changes the
        // tree before the example learns, so this walk (or the forest's, on the same tree) is also the learning one.
        TreeNode? node = null;
        Branch? parent = null;
        int parentBranch = -1;
        path = path is not null && path.Matches(this, x) ? path : null;
        if (Tree.Root is not null)
        {
            node = path is { Direct: true } ? path.Leaf : Tree.Walk(x, out parent, out parentBranch);
            (parent, parentBranch) = path is { Direct: true } ? (path.Parent, path.ParentBranch) : (parent, parentBranch);
            if (node is ClassificationLeaf target && !target.CanLearn(x, _classes.TryGetIndex(y, out int known) ? known : -1, w))
            {
                throw new NonFiniteUpdateException(nameof(HoeffdingTreeClassifier), "a leaf's Gaussian statistics");
            }
        }

        int classIndex = InternClass(y);
        Tree.TrainWeightSeen += w;
        if (node is null)
        {
            Tree.Root = node = NewLeaf(null, null);
            Tree.ActiveLeaves = 1;
        }

        if (node is ClassificationLeaf leaf)
        {
            leaf.Learn(x, classIndex, w, Tree, path);
            if (Tree.GrowthAllowed && leaf.IsActive)
            {
                if (leaf.Depth >= Tree.Settings.MaxDepth)
                {
                    leaf.Deactivate();
                    Tree.ActiveLeaves--;
                    Tree.InactiveLeaves++;
                }
                else
                {
                    double weightSeen = leaf.TotalWeight;
                    if (weightSeen - leaf.LastSplitAttemptAt >= Tree.Settings.GracePeriod)
                    {
                        AttemptToSplit(leaf, parent, parentBranch, x.Schema);
                        leaf.LastSplitAttemptAt = weightSeen;
                    }
                }
            }
        }
        else
        {
            ReachLeaf((Branch)node, x).Learn(x, classIndex, w, Tree);
        }

        // A leaf reached by branches alone is what a prediction reaches next, unless a split replaced it.
        path?.SetLearned(node is ClassificationLeaf learned && ReferenceEquals(parent is null ? Tree.Root : parent.Children[parentBranch], learned) ? learned : null);
        Tree.AfterLearn();
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.Clear();
        Leaf? leaf = Tree.PredictionLeaf(x);
        if (leaf is null)
        {
            return false;
        }

        int count = _classes.Count;
        Span<double> byClass = count <= StackLimit ? stackalloc double[count] : new double[count];
        byClass.Clear();
        ((ClassificationLeaf)leaf).Predict(x, NbThreshold, byClass);
        foreach (int k in _sortedClasses)
        {
            output.Add(_classes[k], byClass[k]);
        }

        return true;
    }

    public override Estimator CloneFresh() => new HoeffdingTreeClassifier(
        Tree.Settings.GracePeriod, _maxDepth, SplitCriterion, Tree.Settings.Delta, Tree.Settings.Tau, LeafPredictionName, NbThreshold,
        Tree.Settings.NominalAttributes, Tree.Settings.Splitter.CloneFresh(), Tree.Settings.BinarySplit, Tree.Settings.MaxSize,
        Tree.Settings.MemoryEstimatePeriod, Tree.Settings.StopMemManagement, Tree.Settings.RemovePoorAttrs, Tree.Settings.MeritPreprune);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(HoeffdingTreeClassifier), StateVersion);
        _classes.WriteState(writer);
        Tree.WriteState(writer);
        WriteExtraState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        (ClassTable classes, TreeCore tree) = ReadTree(reader);
        AssignTree(classes, tree);
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote without assigning it (derived trees read more first).</summary>
    private protected (ClassTable Classes, TreeCore Tree) ReadTree(StateReader reader)
    {
        reader.ReadHeader(nameof(HoeffdingTreeClassifier), StateVersion);
        ClassTable classes = ClassTable.Read(reader);
        var tree = new TreeCore(Tree.Settings);
        tree.ReadState(reader, (r, tag) => ReadLeaf(r, tag, classes.Count));
        ReadExtraState(reader, tree, classes.Count);
        return (classes, tree);
    }

    private protected void AssignTree(ClassTable classes, TreeCore tree)
    {
        _classes = classes;
        (_sortedClasses, _classRank) = ClassOrder.Sort(classes);
        Tree = tree;
    }

    public override string ToString()
    {
        TreeSettings s = Tree.Settings;
        string nominal = s.NominalAttributes is null ? "None" : "[" + string.Join(", ", s.NominalAttributes.Select(n => $"'{n}'")) + "]";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"HoeffdingTreeClassifier(grace_period={s.GracePeriod}, max_depth={Repr(s.MaxDepth)}, split_criterion='{SplitCriterion}', "
            + $"delta={Repr(s.Delta)}, tau={Repr(s.Tau)}, leaf_prediction='{LeafPredictionName}', nb_threshold={Repr(NbThreshold)}, "
            + $"nominal_attributes={nominal}, splitter={s.Splitter}, binary_split={Bool(s.BinarySplit)}, max_size={Repr(s.MaxSize)}, "
            + $"memory_estimate_period={s.MemoryEstimatePeriod}, stop_mem_management={Bool(s.StopMemManagement)}, "
            + $"remove_poor_attrs={Bool(s.RemovePoorAttrs)}, merit_preprune={Bool(s.MeritPreprune)})");
    }

    internal static string Repr(double value) =>
        double.IsPositiveInfinity(value) ? "inf" : value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    internal static string Bool(bool value) => value ? "True" : "False";

    /// <summary>State a derived tree keeps beyond the nodes (EFDT: its branches' observers), written after the tree.</summary>
    private protected virtual void WriteExtraState(StateWriter writer)
    {
    }

    /// <summary>Reads what <see cref="WriteExtraState"/> wrote into the freshly read <paramref name="tree"/> (not yet assigned).</summary>
    private protected virtual void ReadExtraState(StateReader reader, TreeCore tree, int classCount)
    {
    }

    /// <summary>River's <c>_new_leaf</c>: a leaf one level below <paramref name="parent"/> (the root when null).</summary>
    private protected virtual ClassificationLeaf NewLeaf(ClassWeights? initialStats, TreeNode? parent) =>
        new(parent is null ? 0 : parent.Depth + 1, Tree.Settings.Splitter, Prediction, initialStats ?? new ClassWeights());

    /// <summary>River's <c>_new_split_criterion</c>.</summary>
    private protected ClassSplitCriterion NewSplitCriterion() => ClassSplitCriterion.Create(SplitCriterion, _classes, _classRank);

    /// <summary>River's <c>best_split_suggestions</c>: the null split (with merit pre-pruning) then each splitter's best.</summary>
    private protected List<SplitSuggestion> BestSplitSuggestions(ClassificationLeaf leaf, ClassSplitCriterion criterion, FeatureSchema schema)
    {
        var suggestions = new List<SplitSuggestion>(leaf.SplitterCount + 1);
        if (Tree.Settings.MeritPreprune)
        {
            suggestions.Add(SplitSuggestion.Null());
        }

        for (int i = 0; i < leaf.SplitterCount; i++)
        {
            suggestions.Add(leaf.SplitterAt(i).BestSplit(criterion, leaf.Stats, leaf.FeatureAt(i), Tree.Settings.BinarySplit, schema));
        }

        return suggestions;
    }

    /// <summary>River's <c>_attempt_to_split</c>.</summary>
    private protected virtual void AttemptToSplit(ClassificationLeaf leaf, Branch? parent, int parentBranch, FeatureSchema schema)
    {
        if (leaf.IsPure())
        {
            return;
        }

        ClassSplitCriterion criterion = NewSplitCriterion();
        List<SplitSuggestion> suggestions = BestSplitSuggestions(leaf, criterion, schema);
        SplitSuggestion.SortByMerit(suggestions);
        bool shouldSplit = false;
        if (suggestions.Count < 2)
        {
            shouldSplit = suggestions.Count > 0;
        }
        else
        {
            double bound = TreeCore.HoeffdingBound(criterion.RangeOfMerit(leaf.Stats), Tree.Settings.Delta, leaf.TotalWeight);
            SplitSuggestion best = suggestions[^1];
            SplitSuggestion second = suggestions[^2];
            shouldSplit = best.Merit - second.Merit > bound || bound < Tree.Settings.Tau;
            if (Tree.Settings.RemovePoorAttrs)
            {
                foreach (SplitSuggestion suggestion in suggestions.ToArray())
                {
                    if (!suggestion.IsNull && best.Merit - suggestion.Merit > bound)
                    {
                        leaf.DisableAttribute(suggestion.Feature);
                    }
                }
            }
        }

        if (!shouldSplit)
        {
            return;
        }

        SplitSuggestion decision = suggestions[^1];
        if (decision.IsNull)
        {
            leaf.Deactivate();
            Tree.InactiveLeaves++;
            Tree.ActiveLeaves--;
            Tree.EnforceSizeLimit(leaf);
            return;
        }

        var children = new List<TreeNode>(decision.BranchCount);
        foreach (ClassWeights stats in decision.ClassStats)
        {
            children.Add(NewLeaf(stats, leaf));
        }

        Branch branch = NewBranch(decision, leaf, children);
        Tree.ActiveLeaves += children.Count - 1;
        Tree.Replace(parent, parentBranch, branch);
        Tree.EnforceSizeLimit();
    }

    /// <summary>River's <c>_branch_selector</c> and <c>assemble</c>: the branch replacing a split leaf.</summary>
    private protected virtual Branch NewBranch(SplitSuggestion decision, ClassificationLeaf leaf, List<TreeNode> children) =>
        TreeCore.Assemble(decision, leaf.Depth, children, leaf.Stats, default);

    /// <summary>
    /// River's fallback when the path stops at a branch: a new category grows a branch of a multiway split,
    /// a missing feature follows the most common path, until a leaf is reached.
    /// </summary>
    private protected ClassificationLeaf ReachLeaf(Branch branch, FeatureVector x)
    {
        TreeNode node = branch;
        while (node is Branch current)
        {
            int position = x.PositionOf(current.Feature);
            if (current.GrowsBranches && position >= 0)
            {
                ClassificationLeaf leaf = NewLeaf(null, current);
                current.AddChild(FeatureValue.At(x, position), leaf);
                Tree.ActiveLeaves++;
                return leaf;
            }

            node = TreeCore.Descend(current.Children[current.MostCommonPath()], x);
        }

        return (ClassificationLeaf)node;
    }

    private protected int InternClass(Label y)
    {
        if (_classes.TryGetIndex(y, out int index))
        {
            return index;
        }

        index = _classes.Intern(y);
        (_sortedClasses, _classRank) = ClassOrder.Sort(_classes);
        return index;
    }

    private protected virtual Leaf ReadLeaf(StateReader reader, byte tag, int classCount)
    {
        StateReader.Require(tag == ClassificationLeaf.TagValue, $"Unexpected node tag {tag} in a classification tree.");
        return ClassificationLeaf.Read(reader, Tree.Settings.Splitter, classCount);
    }
}
