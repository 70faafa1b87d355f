using System.Globalization;
using Eddy.Base;
using Eddy.Drift;
using Eddy.Serialization;
using Eddy.Trees.Nodes;
using Eddy.Trees.Splitters;
using Eddy.Utils;

namespace Eddy.Trees;

/// <summary>
/// River: <c>tree.HoeffdingAdaptiveTreeRegressor</c>. A Hoeffding tree regressor whose nodes watch their normalized
/// errors with a drift detector; a drift at a branch grows an alternate subtree, which replaces the branch once
/// significantly better or is pruned once significantly worse. Leaves learn from Poisson(1) bootstrap weights.
/// Bifet and Gavaldà (2009); the error normalization is River's (mean ± 3σ min-max scaling of the signed errors).
/// </summary>
/// <remarks>
/// Shares the classifier's adaptive machinery (<see cref="ErrorMonitor"/>, the switch test, the alternate
/// hand-over) and follows the same River 0.12.1 semantics: with the default ADWIN the node's ADWIN window is its error
/// estimate, the bootstrap weights come from the tree's one <c>random.Random(seed)</c>, and predictions average the
/// leaf reached and the alternates met on the way. Inputs are validated before anything changes; only an update that
/// would overflow inside a leaf model (<see cref="NonFiniteUpdateException"/>) can leave the branches above it updated.
/// </remarks>
public sealed class HoeffdingAdaptiveTreeRegressor : HoeffdingTreeRegressor
{
    private const byte StateVersion = 1;
    private readonly DriftDetector _detector;
    private PythonRandom _random;

    public HoeffdingAdaptiveTreeRegressor(
        int gracePeriod = 200,
        int? maxDepth = null,
        double delta = 1e-7,
        double tau = 0.05,
        string leafPrediction = "adaptive",
        Regressor? leafModel = null,
        double modelSelectorDecay = 0.95,
        IEnumerable<string>? nominalAttributes = null,
        Splitter? splitter = null,
        int minSamplesSplit = 5,
        bool bootstrapSampling = true,
        int driftWindowThreshold = 300,
        DriftDetector? driftDetector = null,
        double switchSignificance = 0.05,
        bool binarySplit = false,
        double maxSize = 500.0,
        long memoryEstimatePeriod = 1_000_000,
        bool stopMemManagement = false,
        bool removePoorAttrs = false,
        bool meritPreprune = true,
        long? seed = null)
        : base(gracePeriod, maxDepth, delta, tau, leafPrediction, leafModel, modelSelectorDecay, nominalAttributes, splitter,
            minSamplesSplit, binarySplit, maxSize, memoryEstimatePeriod, stopMemManagement, removePoorAttrs, meritPreprune)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(driftWindowThreshold);
        if (!(switchSignificance > 0 && switchSignificance < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(switchSignificance), switchSignificance, "Must be in (0, 1).");
        }

        BootstrapSampling = bootstrapSampling;
        DriftWindowThreshold = driftWindowThreshold;
        _detector = driftDetector?.CloneFresh() ?? new ADWIN();
        SwitchSignificance = switchSignificance;
        Seed = seed;
        _random = PythonRandom.Create(seed);
    }

    public bool BootstrapSampling { get; }

    public int DriftWindowThreshold { get; }

    public DriftDetector DriftDetector => _detector.CloneFresh();

    public double SwitchSignificance { get; }

    public long? Seed { get; }

    public int AlternateTreeCount { get; private set; }

    public int PrunedAlternateTreeCount { get; private set; }

    public int SwitchedAlternateTreeCount { get; private set; }

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        // A fresh tree whose first example overflows its leaf model is put back as it was.
        bool created = Tree.Root is null;
        PythonRandom? saved = created ? _random.Clone() : null;
        if (created)
        {
            Tree.Root = NewLeaf(null, null);
            Tree.ActiveLeaves = 1;
        }

        Tree.TrainWeightSeen += w;
        try
        {
            LearnNode(Tree.Root!, x, y, w, null, -1);
        }
        catch (NonFiniteUpdateException) when (created)
        {
            Tree.Root = null;
            Tree.ActiveLeaves = 0;
            Tree.TrainWeightSeen = 0;
            _random = saved!;
            throw;
        }

        Tree.AfterLearn();
    }

    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        if (Tree.Root is null)
        {
            return 0.0;
        }

        // River's AdaBranchRegressor traverse: the alternates met on the path, then the leaf (a most-common-path detour
        // visits its node twice, so a branch reached that way counts its alternate twice, as in River).
        double sum = 0.0;
        int count = 1;
        TreeNode node = Tree.Root;
        while (node is Branch branch)
        {
            AddAlternate(branch, x, ref sum, ref count);
            int b = branch.BranchNo(x);
            node = branch.Children[b < 0 ? branch.MostCommonPath() : b];
            if (b < 0 && node is Branch detour)
            {
                AddAlternate(detour, x, ref sum, ref count);
            }
        }

        sum += ((RegressionLeaf)node).Predict(x);
        return sum / count;
    }

    public override Estimator CloneFresh()
    {
        TreeSettings s = Tree.Settings;
        return new HoeffdingAdaptiveTreeRegressor(
            s.GracePeriod, double.IsPositiveInfinity(s.MaxDepth) ? null : (int)s.MaxDepth, s.Delta, s.Tau, LeafPredictionName,
            (Regressor)LeafModel.CloneFresh(), ModelSelectorDecay, s.NominalAttributes, s.Splitter.CloneFresh(), MinSamplesSplit,
            BootstrapSampling, DriftWindowThreshold, _detector.CloneFresh(), SwitchSignificance, s.BinarySplit, s.MaxSize,
            s.MemoryEstimatePeriod, s.StopMemManagement, s.RemovePoorAttrs, s.MeritPreprune, Seed);
    }

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(HoeffdingAdaptiveTreeRegressor), StateVersion);
        _random.WriteState(writer);
        writer.WriteInt32(AlternateTreeCount);
        writer.WriteInt32(PrunedAlternateTreeCount);
        writer.WriteInt32(SwitchedAlternateTreeCount);
        base.WriteState(writer);
        foreach (Branch branch in AdaptiveTreeOps.Branches(Tree.Root))
        {
            AdaptiveBranchState adaptive = branch.Adaptive!;
            adaptive.Monitor.WriteState(writer);
            adaptive.ErrorNormalizer.WriteState(writer);
            writer.WriteBoolean(adaptive.Alternate is not null);
            adaptive.Alternate?.WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(HoeffdingAdaptiveTreeRegressor), StateVersion);
        PythonRandom random = PythonRandom.ReadState(reader);
        int alternates = reader.ReadInt32();
        int pruned = reader.ReadInt32();
        int switched = reader.ReadInt32();
        StateReader.Require(alternates >= 0 && pruned >= 0 && switched >= 0, "Invalid adaptive tree counters.");
        TreeCore tree = ReadTree(reader);
        List<Branch> branches = AdaptiveTreeOps.Branches(tree.Root);
        var states = new List<AdaptiveBranchState>(branches.Count);
        for (int i = 0; i < branches.Count; i++)
        {
            ErrorMonitor monitor = ErrorMonitor.Read(reader, _detector);
            VarianceStats normalizer = VarianceStats.Read(reader);
            StateReader.Require(normalizer.IsFinite && normalizer.N >= 0, "Invalid error normalizer in a tree branch.");
            Leaf? alternate = null;
            if (reader.ReadBoolean())
            {
                alternate = ReadLeaf(reader, reader.ReadByte());
            }

            states.Add(new AdaptiveBranchState(monitor, alternate) { ErrorNormalizer = normalizer });
        }

        for (int i = 0; i < branches.Count; i++)
        {
            branches[i].Adaptive = states[i];
        }

        AssignTree(tree);
        _random = random;
        AlternateTreeCount = alternates;
        PrunedAlternateTreeCount = pruned;
        SwitchedAlternateTreeCount = switched;
    }

    public override string ToString()
    {
        TreeSettings s = Tree.Settings;
        string nominal = s.NominalAttributes is null ? "None" : "[" + string.Join(", ", s.NominalAttributes.Select(n => $"'{n}'")) + "]";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"HoeffdingAdaptiveTreeRegressor(grace_period={s.GracePeriod}, max_depth={HoeffdingTreeClassifier.Repr(s.MaxDepth)}, "
            + $"delta={HoeffdingTreeClassifier.Repr(s.Delta)}, tau={HoeffdingTreeClassifier.Repr(s.Tau)}, leaf_prediction='{LeafPredictionName}', "
            + $"leaf_model={LeafModel}, model_selector_decay={HoeffdingTreeClassifier.Repr(ModelSelectorDecay)}, nominal_attributes={nominal}, "
            + $"splitter={s.Splitter}, min_samples_split={MinSamplesSplit}, bootstrap_sampling={HoeffdingTreeClassifier.Bool(BootstrapSampling)}, "
            + $"drift_window_threshold={DriftWindowThreshold}, drift_detector={_detector}, "
            + $"switch_significance={HoeffdingTreeClassifier.Repr(SwitchSignificance)}, binary_split={HoeffdingTreeClassifier.Bool(s.BinarySplit)}, "
            + $"max_size={HoeffdingTreeClassifier.Repr(s.MaxSize)}, memory_estimate_period={s.MemoryEstimatePeriod}, "
            + $"stop_mem_management={HoeffdingTreeClassifier.Bool(s.StopMemManagement)}, remove_poor_attrs={HoeffdingTreeClassifier.Bool(s.RemovePoorAttrs)}, "
            + $"merit_preprune={HoeffdingTreeClassifier.Bool(s.MeritPreprune)}, seed={(Seed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : "None")})");
    }

    private protected override RegressionLeaf NewLeaf(VarianceStats? initialStats, TreeNode? parent) =>
        NewAdaptiveLeaf(initialStats, parent, parent is null ? 0 : parent.Depth + 1);

    private protected override Branch NewBranch(SplitSuggestion decision, RegressionLeaf leaf, List<TreeNode> children)
    {
        Branch branch = base.NewBranch(decision, leaf, children);
        branch.Adaptive = new AdaptiveBranchState(new ErrorMonitor(_detector), null);
        return branch;
    }

    private protected override Leaf ReadLeaf(StateReader reader, byte tag)
    {
        StateReader.Require(tag == RegressionLeaf.TagValue, $"Unexpected node tag {tag} in an adaptive regression tree.");
        return AdaptiveRegressionLeaf.Read(reader, Tree.Settings.Splitter, LeafModel, _detector);
    }

    /// <summary>River's <c>_new_leaf</c>: a split leaf's children copy its model and faded errors; others start afresh.</summary>
    private AdaptiveRegressionLeaf NewAdaptiveLeaf(VarianceStats? initialStats, TreeNode? parent, int depth)
    {
        RegressionLeafMode mode = Mode;
        Regressor? model = null;
        if (mode != RegressionLeafMode.Mean)
        {
            model = parent is RegressionLeaf { Model: { } parentModel } ? (Regressor)parentModel.Clone() : (Regressor)LeafModel.CloneFresh();
        }

        var leaf = new AdaptiveRegressionLeaf(depth, Tree.Settings.Splitter, mode, initialStats ?? default, model, new ErrorMonitor(_detector));
        if (mode == RegressionLeafMode.Adaptive && parent is RegressionLeaf { Mode: RegressionLeafMode.Adaptive } source)
        {
            leaf.FadedErrorMean = source.FadedErrorMean;
            leaf.FadedErrorModel = source.FadedErrorModel;
        }

        return leaf;
    }

    private static void AddAlternate(Branch branch, FeatureVector x, ref double sum, ref int count)
    {
        if (branch.Adaptive?.Alternate is RegressionLeaf alternate)
        {
            sum += alternate.Predict(x);
            count++;
        }
    }

    private void LearnNode(TreeNode node, FeatureVector x, double y, double w, Branch? parent, int parentBranch)
    {
        if (node is Branch branch)
        {
            LearnBranch(branch, x, y, w, parent, parentBranch);
        }
        else
        {
            LearnLeaf((AdaptiveRegressionLeaf)node, x, y, w, parent, parentBranch);
        }
    }

    /// <summary>River 0.12.1's <c>AdaLeafRegressor.learn_one</c>.</summary>
    private void LearnLeaf(AdaptiveRegressionLeaf leaf, FeatureVector x, double y, double w, Branch? parent, int parentBranch)
    {
        VarianceStats normalizer = leaf.ErrorNormalizer;
        double error = AdaptiveTreeOps.NormalizeError(ref normalizer, y, leaf.Predict(x));
        if (BootstrapSampling)
        {
            int k = _random.Poisson(1.0);
            w = k > 0 ? w * k : w;
        }

        leaf.Learn(x, y, w, ModelSelectorDecay, Tree);
        leaf.ErrorNormalizer = normalizer;
        leaf.Monitor.Update(error, restartOnChange: false);
        double weightSeen = leaf.TotalWeight;
        if (weightSeen - leaf.LastSplitAttemptAt < Tree.Settings.GracePeriod)
        {
            return;
        }

        if (leaf.Depth >= Tree.Settings.MaxDepth)
        {
            if (leaf.IsActive)
            {
                leaf.Deactivate();
                Tree.InactiveLeaves++;
                Tree.ActiveLeaves--;
            }
        }
        else if (leaf.IsActive)
        {
            AttemptToSplit(leaf, parent, parentBranch, x.Schema);
            leaf.LastSplitAttemptAt = weightSeen;
        }
    }

    /// <summary>River 0.12.1's <c>AdaBranchRegressor.learn_one</c>, including its hand-over of the parent to the alternate.</summary>
    private void LearnBranch(Branch branch, FeatureVector x, double y, double w, Branch? parent, int parentBranch)
    {
        var reached = (RegressionLeaf)AdaptiveClassificationVotes.PredictionLeaf(branch, x);
        AdaptiveBranchState adaptive = branch.Adaptive!;
        VarianceStats normalizer = adaptive.ErrorNormalizer;
        double error = AdaptiveTreeOps.NormalizeError(ref normalizer, y, reached.Predict(x));
        adaptive.ErrorNormalizer = normalizer;
        branch.TargetStats = branch.TargetStats.Next(y, w);
        if (adaptive.Monitor.Update(error, restartOnChange: true))
        {
            // River builds the alternate as a child of the branch, then lifts it to the branch's level.
            adaptive.Alternate = NewAdaptiveLeaf(null, branch, branch.Depth);
            AlternateTreeCount++;
        }
        else if (adaptive.Alternate is AdaptiveRegressionLeaf alternate)
        {
            AlternateChange change = AdaptiveTreeOps.ResolveAlternate(
                Tree, branch, parent, parentBranch, alternate, alternate.Monitor, DriftWindowThreshold, SwitchSignificance, regression: true, out int pruned);
            PrunedAlternateTreeCount += pruned;
            if (change == AlternateChange.Switched)
            {
                SwitchedAlternateTreeCount++;
            }
        }

        if (adaptive.Alternate is AdaptiveRegressionLeaf learner)
        {
            LearnLeaf(learner, x, y, w, parent, parentBranch);
        }

        // As in River, a branch just switched out still passes the example on to its detached children.
        int b = branch.BranchNo(x);
        if (b >= 0)
        {
            LearnNode(branch.Children[b], x, y, w, branch, b);
        }
        else if (branch.GrowsBranches && x.PositionOf(branch.Feature) is int position and >= 0)
        {
            RegressionLeaf leaf = NewLeaf(null, branch);
            branch.AddChild(FeatureValue.At(x, position), leaf);
            Tree.ActiveLeaves++;
            LearnLeaf((AdaptiveRegressionLeaf)leaf, x, y, w, branch, branch.BranchNo(x));
        }
        else
        {
            int common = branch.MostCommonPath();
            LearnNode(branch.Children[common], x, y, w, branch, common);
        }
    }
}
