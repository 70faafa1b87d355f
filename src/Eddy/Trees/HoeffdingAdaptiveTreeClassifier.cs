using System.Globalization;
using Eddy.Base;
using Eddy.Drift;
using Eddy.Serialization;
using Eddy.Trees.Nodes;
using Eddy.Trees.Splitters;
using Eddy.Utils;

namespace Eddy.Trees;

/// <summary>
/// River: <c>tree.HoeffdingAdaptiveTreeClassifier</c>. Every node watches its error with a drift detector; a drift
/// at a branch grows an alternate subtree, which replaces the branch once significantly better or is pruned once
/// significantly worse. Leaves learn from Poisson(1) bootstrap weights. Bifet and Gavaldà (2009).
/// </summary>
/// <remarks>
/// Follows River 0.12.1, whose numbers it reproduces bit for bit: with the default ADWIN the node's ADWIN window is its
/// error estimate (see <see cref="ErrorMonitor"/>), the bootstrap weights come from the tree's one
/// <c>random.Random(seed)</c> (<see cref="PythonRandom"/>, in the state), and predictions add up the leaf reached and
/// the alternates met on the way, each weighted by 1/error².
/// </remarks>
public sealed class HoeffdingAdaptiveTreeClassifier : HoeffdingTreeClassifier
{
    private const byte StateVersion = 1;
    private const int StackLimit = 128;

    // Learnability is checked before the bootstrap draw: Poisson(1) weights above this are vanishingly rare.
    private const double BootstrapCheckFactor = 16;
    private readonly DriftDetector _detector;
    private PythonRandom _random;

    public HoeffdingAdaptiveTreeClassifier(
        int gracePeriod = 200,
        int? maxDepth = null,
        string splitCriterion = "info_gain",
        double delta = 1e-7,
        double tau = 0.05,
        string leafPrediction = "nba",
        double nbThreshold = 0,
        IEnumerable<string>? nominalAttributes = null,
        Splitter? splitter = null,
        bool bootstrapSampling = true,
        int driftWindowThreshold = 300,
        DriftDetector? driftDetector = null,
        double switchSignificance = 0.05,
        bool binarySplit = false,
        double maxSize = 100.0,
        long memoryEstimatePeriod = 1_000_000,
        bool stopMemManagement = false,
        bool removePoorAttrs = false,
        bool meritPreprune = true,
        long? seed = null)
        : base(gracePeriod, maxDepth, splitCriterion, delta, tau, leafPrediction, nbThreshold, nominalAttributes, splitter, binarySplit,
            maxSize, memoryEstimatePeriod, stopMemManagement, removePoorAttrs, meritPreprune)
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

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateLabel(y);
        if (!double.IsFinite(w) || w < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "Must be finite and non-negative.");
        }

        if (!CanLearn(x, Classes.TryGetIndex(y, out int known) ? known : -1, BootstrapSampling ? w * BootstrapCheckFactor : w))
        {
            throw new NonFiniteUpdateException(nameof(HoeffdingAdaptiveTreeClassifier), "a leaf's Gaussian statistics");
        }

        int classIndex = InternClass(y);
        Tree.TrainWeightSeen += w;
        if (Tree.Root is null)
        {
            Tree.Root = NewLeaf(null, null);
            Tree.ActiveLeaves = 1;
        }

        LearnNode(Tree.Root, x, classIndex, w, null, -1);
        Tree.AfterLearn();
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.Clear();
        if (Tree.Root is null)
        {
            return false;
        }

        int count = Classes.Count;
        Span<double> proba = count <= StackLimit ? stackalloc double[count] : new double[count];
        Span<double> dist = count <= StackLimit ? stackalloc double[count] : new double[count];
        proba.Clear();

        // River's AdaBranch traverse: the alternates met on the path, then the leaf (a most-common-path detour visits
        // its node twice, so a branch reached that way adds its alternate twice, as in River).
        TreeNode node = Tree.Root;
        while (node is Branch branch)
        {
            AdaptiveClassificationVotes.AddAlternate(branch, x, NbThreshold, proba, dist);
            int b = branch.BranchNo(x);
            node = branch.Children[b < 0 ? branch.MostCommonPath() : b];
            if (b < 0 && node is Branch detour)
            {
                AdaptiveClassificationVotes.AddAlternate(detour, x, NbThreshold, proba, dist);
            }
        }

        AdaptiveClassificationVotes.AddLeaf((AdaptiveClassificationLeaf)node, x, NbThreshold, proba, dist);
        double total = 0.0;
        foreach (int k in SortedClasses)
        {
            total += proba[k];
        }

        foreach (int k in SortedClasses)
        {
            output.Add(Classes[k], total == 0 ? proba[k] : proba[k] / total);
        }

        return true;
    }

    public override Estimator CloneFresh()
    {
        TreeSettings s = Tree.Settings;
        return new HoeffdingAdaptiveTreeClassifier(
            s.GracePeriod, double.IsPositiveInfinity(s.MaxDepth) ? null : (int)s.MaxDepth, SplitCriterion, s.Delta, s.Tau, LeafPredictionName,
            NbThreshold, s.NominalAttributes, s.Splitter.CloneFresh(), BootstrapSampling, DriftWindowThreshold, _detector.CloneFresh(),
            SwitchSignificance, s.BinarySplit, s.MaxSize, s.MemoryEstimatePeriod, s.StopMemManagement, s.RemovePoorAttrs, s.MeritPreprune, Seed);
    }

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(HoeffdingAdaptiveTreeClassifier), StateVersion);
        _random.WriteState(writer);
        writer.WriteInt32(AlternateTreeCount);
        writer.WriteInt32(PrunedAlternateTreeCount);
        writer.WriteInt32(SwitchedAlternateTreeCount);
        base.WriteState(writer);
        foreach (Branch branch in AdaptiveTreeOps.Branches(Tree.Root))
        {
            AdaptiveBranchState adaptive = branch.Adaptive!;
            adaptive.Monitor.WriteState(writer);
            writer.WriteBoolean(adaptive.Alternate is not null);
            adaptive.Alternate?.WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(HoeffdingAdaptiveTreeClassifier), StateVersion);
        PythonRandom random = PythonRandom.ReadState(reader);
        int alternates = reader.ReadInt32();
        int pruned = reader.ReadInt32();
        int switched = reader.ReadInt32();
        StateReader.Require(alternates >= 0 && pruned >= 0 && switched >= 0, "Invalid adaptive tree counters.");
        (ClassTable classes, TreeCore tree) = ReadTree(reader);
        List<Branch> branches = AdaptiveTreeOps.Branches(tree.Root);
        var states = new List<AdaptiveBranchState>(branches.Count);
        for (int i = 0; i < branches.Count; i++)
        {
            ErrorMonitor monitor = ErrorMonitor.Read(reader, _detector);
            Leaf? alternate = null;
            if (reader.ReadBoolean())
            {
                alternate = ReadLeaf(reader, reader.ReadByte(), classes.Count);
            }

            states.Add(new AdaptiveBranchState(monitor, alternate));
        }

        for (int i = 0; i < branches.Count; i++)
        {
            branches[i].Adaptive = states[i];
        }

        AssignTree(classes, tree);
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
            $"HoeffdingAdaptiveTreeClassifier(grace_period={s.GracePeriod}, max_depth={Repr(s.MaxDepth)}, split_criterion='{SplitCriterion}', "
            + $"delta={Repr(s.Delta)}, tau={Repr(s.Tau)}, leaf_prediction='{LeafPredictionName}', nb_threshold={Repr(NbThreshold)}, "
            + $"nominal_attributes={nominal}, splitter={s.Splitter}, bootstrap_sampling={Bool(BootstrapSampling)}, "
            + $"drift_window_threshold={DriftWindowThreshold}, drift_detector={_detector}, switch_significance={Repr(SwitchSignificance)}, "
            + $"binary_split={Bool(s.BinarySplit)}, max_size={Repr(s.MaxSize)}, memory_estimate_period={s.MemoryEstimatePeriod}, "
            + $"stop_mem_management={Bool(s.StopMemManagement)}, remove_poor_attrs={Bool(s.RemovePoorAttrs)}, "
            + $"merit_preprune={Bool(s.MeritPreprune)}, seed={(Seed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : "None")})");
    }

    private protected override ClassificationLeaf NewLeaf(ClassWeights? initialStats, TreeNode? parent) =>
        NewAdaptiveLeaf(initialStats, parent is null ? 0 : parent.Depth + 1);

    private protected override Branch NewBranch(SplitSuggestion decision, ClassificationLeaf leaf, List<TreeNode> children)
    {
        Branch branch = base.NewBranch(decision, leaf, children);
        branch.Adaptive = new AdaptiveBranchState(new ErrorMonitor(_detector), null);
        return branch;
    }

    private protected override Leaf ReadLeaf(StateReader reader, byte tag, int classCount)
    {
        StateReader.Require(tag == AdaptiveClassificationLeaf.TagValue, $"Unexpected node tag {tag} in an adaptive classification tree.");
        return AdaptiveClassificationLeaf.Read(reader, Tree.Settings.Splitter, classCount, _detector);
    }

    private AdaptiveClassificationLeaf NewAdaptiveLeaf(ClassWeights? initialStats, int depth) =>
        new(depth, Tree.Settings.Splitter, Prediction, initialStats ?? new ClassWeights(), new ErrorMonitor(_detector));

    private void LearnNode(TreeNode node, FeatureVector x, int classIndex, double w, Branch? parent, int parentBranch)
    {
        if (node is Branch branch)
        {
            LearnBranch(branch, x, classIndex, w, parent, parentBranch);
        }
        else
        {
            LearnLeaf((AdaptiveClassificationLeaf)node, x, classIndex, w, parent, parentBranch);
        }
    }

    /// <summary>River 0.12.1's <c>AdaLeafClassifier.learn_one</c>.</summary>
    private void LearnLeaf(AdaptiveClassificationLeaf leaf, FeatureVector x, int classIndex, double w, Branch? parent, int parentBranch)
    {
        if (BootstrapSampling)
        {
            // River keeps the weight when k = 0.
            int k = _random.Poisson(1.0);
            w = k > 0 ? w * k : w;
        }

        leaf.Monitor.Update(AdaptiveClassificationVotes.PredictedClass(leaf, x, NbThreshold, Classes.Count) == classIndex ? 0.0 : 1.0, restartOnChange: false);
        leaf.Learn(x, classIndex, w, Tree);
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

    /// <summary>River 0.12.1's <c>AdaBranchClassifier.learn_one</c>, including its hand-over of the parent to the alternate.</summary>
    private void LearnBranch(Branch branch, FeatureVector x, int classIndex, double w, Branch? parent, int parentBranch)
    {
        var reached = (AdaptiveClassificationLeaf)AdaptiveClassificationVotes.PredictionLeaf(branch, x);
        bool correct = AdaptiveClassificationVotes.PredictedClass(reached, x, NbThreshold, Classes.Count) == classIndex;
        branch.ClassStats!.Add(classIndex, w);
        AdaptiveBranchState adaptive = branch.Adaptive!;
        if (adaptive.Monitor.Update(correct ? 0.0 : 1.0, restartOnChange: true))
        {
            adaptive.Alternate = NewAdaptiveLeaf(null, branch.Depth);
            AlternateTreeCount++;
        }
        else if (adaptive.Alternate is AdaptiveClassificationLeaf alternate)
        {
            AlternateChange change = AdaptiveTreeOps.ResolveAlternate(
                Tree, branch, parent, parentBranch, alternate, alternate.Monitor, DriftWindowThreshold, SwitchSignificance, regression: false, out int pruned);
            PrunedAlternateTreeCount += pruned;
            if (change == AlternateChange.Switched)
            {
                SwitchedAlternateTreeCount++;
            }
        }

        if (adaptive.Alternate is AdaptiveClassificationLeaf learner)
        {
            LearnLeaf(learner, x, classIndex, w, parent, parentBranch);
        }

        // As in River, a branch just switched out still passes the example on to its detached children.
        int b = branch.BranchNo(x);
        if (b >= 0)
        {
            LearnNode(branch.Children[b], x, classIndex, w, branch, b);
        }
        else if (branch.GrowsBranches && x.PositionOf(branch.Feature) is int position and >= 0)
        {
            ClassificationLeaf leaf = NewLeaf(null, branch);
            branch.AddChild(FeatureValue.At(x, position), leaf);
            Tree.ActiveLeaves++;
            LearnLeaf((AdaptiveClassificationLeaf)leaf, x, classIndex, w, branch, branch.BranchNo(x));
        }
        else
        {
            int common = branch.MostCommonPath();
            LearnNode(branch.Children[common], x, classIndex, w, branch, common);
        }
    }

    /// <summary>Checks every leaf this example will reach before anything changes.</summary>
    private bool CanLearn(FeatureVector x, int classIndex, double weight)
    {
        TreeNode? node = Tree.Root;
        while (node is Branch branch)
        {
            if (branch.Adaptive?.Alternate is ClassificationLeaf alternate && !alternate.CanLearn(x, classIndex, weight))
            {
                return false;
            }

            int b = branch.BranchNo(x);
            if (b < 0 && branch.GrowsBranches && x.PositionOf(branch.Feature) >= 0)
            {
                return true;
            }

            node = branch.Children[b < 0 ? branch.MostCommonPath() : b];
        }

        return node is not ClassificationLeaf leaf || leaf.CanLearn(x, classIndex, weight);
    }
}
