using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.Nodes;

namespace Eddy.Trees;

/// <summary>
/// River's <c>tree.hoeffding_tree.HoeffdingTree</c> without the task: the root, the leaf counters, the paths
/// examples take, the replacement of a leaf by a branch, and Kirkby's (2007) memory management. Owned by each
/// Hoeffding tree estimator (classification and regression share it; adaptive and forest trees reuse it).
/// </summary>
internal sealed partial class TreeCore
{
    private const byte StateVersion = 1;


    public TreeCore(TreeSettings settings)
    {
        Settings = settings;
    }

    public TreeSettings Settings { get; }

    public TreeNode? Root { get; set; }

    public int ActiveLeaves { get; set; }

    public int InactiveLeaves { get; set; }

    public double ActiveLeafSizeEstimate { get; private set; }

    public double InactiveLeafSizeEstimate { get; private set; }

    public double SizeEstimateOverheadFraction { get; private set; } = 1.0;

    public bool GrowthAllowed { get; private set; } = true;

    public double TrainWeightSeen { get; set; }

    /// <summary>ε = √(R² ln(1/δ) / 2n), River's <c>_hoeffding_bound</c>.</summary>
    public static double HoeffdingBound(double range, double confidence, double n) =>
        Math.Sqrt(range * range * Math.Log(1.0 / confidence) / (2.0 * n));

    /// <summary>River treats non-numbers and the listed <c>nominal_attributes</c> as nominal.</summary>
    public bool IsNominal(FeatureVector x, int position) =>
        x.SymbolAt(position) != FeatureVector.NoSymbol
        || (Settings.NominalAttributes is { } names && names.Contains(x.NameOf(x.IndexAt(position))));

    /// <summary>
    /// River's <c>walk(x, until_leaf=False)</c> from the root: returns the last node of the path (a leaf, or the branch
    /// where <paramref name="x"/> has no branch) and the node before it with the branch taken.
    /// </summary>
    public TreeNode Walk(FeatureVector x, out Branch? parent, out int parentBranch)
    {
        parent = null;
        parentBranch = -1;
        TreeNode node = Root!;
        while (node.AsBranch is { } branch)
        {
            int b = branch.BranchNo(x);
            if (b < 0)
            {
                break;
            }

            parent = branch;
            parentBranch = b;
            node = branch.Children[b];
        }

        return node;
    }

    /// <summary>River's <c>traverse(x, until_leaf=False)</c> from <paramref name="node"/>.</summary>
    public static TreeNode Descend(TreeNode node, FeatureVector x)
    {
        while (node.AsBranch is { } branch)
        {
            int b = branch.BranchNo(x);
            if (b < 0)
            {
                break;
            }

            node = branch.Children[b];
        }

        return node;
    }

    /// <summary>River's <c>traverse(x, until_leaf=True)</c>: missing tests follow the most common path.</summary>
    public Leaf? PredictionLeaf(FeatureVector x)
    {
        TreeNode? node = Root;
        while (node?.AsBranch is { } branch)
        {
            int b = branch.BranchNo(x);
            node = branch.Children[b < 0 ? branch.MostCommonPath() : b];
        }

        return (Leaf?)node;
    }

    public void Replace(Branch? parent, int parentBranch, TreeNode node)
    {
        if (parent is null)
        {
            Root = node;
        }
        else
        {
            parent.Children[parentBranch] = node;
        }
    }

    /// <summary>River's <c>_branch_selector</c> and <c>BranchFactory.assemble</c>.</summary>
    public static Branch Assemble(SplitSuggestion split, int depth, List<TreeNode> children, ClassWeights? classStats, VarianceStats targetStats)
    {
        if (split.Numeric)
        {
            return new NumericBinaryBranch(depth, split.Feature, split.Threshold, children, classStats, targetStats);
        }

        return split.Multiway
            ? new NominalMultiwayBranch(depth, split.Feature, [.. split.Values], children, classStats, targetStats)
            : new NominalBinaryBranch(depth, split.Feature, split.Value, children, classStats, targetStats);
    }

    /// <summary>River's <c>iter_leaves</c>: depth first, children in order.</summary>
    public List<Leaf> Leaves()
    {
        var leaves = new List<Leaf>();
        var stack = new Stack<TreeNode>();
        if (Root is not null)
        {
            stack.Push(Root);
        }

        while (stack.Count > 0)
        {
            TreeNode node = stack.Pop();
            if (node is Leaf leaf)
            {
                leaves.Add(leaf);
                continue;
            }

            // Adaptive trees: each child's alternate follows the child (River's AdaBranch iter_leaves).
            List<TreeNode> children = ((Branch)node).Children;
            for (int i = children.Count - 1; i >= 0; i--)
            {
                if (children[i].AsBranch is { Adaptive.Alternate: { } alternate })
                {
                    stack.Push(alternate);
                }

                stack.Push(children[i]);
            }
        }

        return leaves;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(TreeCore), StateVersion);
        writer.WriteInt32(ActiveLeaves);
        writer.WriteInt32(InactiveLeaves);
        writer.WriteDouble(ActiveLeafSizeEstimate);
        writer.WriteDouble(InactiveLeafSizeEstimate);
        writer.WriteDouble(SizeEstimateOverheadFraction);
        writer.WriteBoolean(GrowthAllowed);
        writer.WriteDouble(TrainWeightSeen);
        writer.WriteBoolean(Root is not null);
        if (Root is not null)
        {
            WriteNode(writer, Root);
        }
    }

    /// <summary>Reads a whole tree into this core; <paramref name="readLeaf"/> reads a leaf given its tag. Atomic.</summary>
    public void ReadState(StateReader reader, Func<StateReader, byte, Leaf> readLeaf)
    {
        reader.ReadHeader(nameof(TreeCore), StateVersion);
        int active = reader.ReadInt32();
        int inactive = reader.ReadInt32();
        double activeSize = reader.ReadDouble();
        double inactiveSize = reader.ReadDouble();
        double overhead = reader.ReadDouble();
        bool growthAllowed = reader.ReadBoolean();
        double trainWeight = reader.ReadDouble();
        TreeNode? root = reader.ReadBoolean() ? ReadNode(reader, readLeaf, 0) : null;
        StateReader.Require(active >= 0 && inactive >= 0, "Negative leaf counts in a tree.");

        ActiveLeaves = active;
        InactiveLeaves = inactive;
        ActiveLeafSizeEstimate = activeSize;
        InactiveLeafSizeEstimate = inactiveSize;
        SizeEstimateOverheadFraction = overhead;
        GrowthAllowed = growthAllowed;
        TrainWeightSeen = trainWeight;
        Root = root;
    }

    private static void WriteNode(StateWriter writer, TreeNode node)
    {
        node.WriteState(writer);
        if (node is Branch branch)
        {
            foreach (TreeNode child in branch.Children)
            {
                WriteNode(writer, child);
            }
        }
    }

    private static TreeNode ReadNode(StateReader reader, Func<StateReader, byte, Leaf> readLeaf, int level)
    {
        StateReader.Require(level < 10_000, "The tree is too deep.");
        byte tag = reader.ReadByte();
        if (tag is not (NumericBinaryBranch.TagValue or NominalBinaryBranch.TagValue or NominalMultiwayBranch.TagValue))
        {
            return readLeaf(reader, tag);
        }

        int depth = reader.ReadInt32();
        int feature = reader.ReadInt32();
        StateReader.Require(depth >= 0 && feature >= 0, "Invalid branch in a tree.");
        ClassWeights? classStats = null;
        VarianceStats targetStats = default;
        if (reader.ReadBoolean())
        {
            classStats = ClassWeights.Read(reader, int.MaxValue);
        }
        else
        {
            targetStats = VarianceStats.Read(reader);
        }

        double threshold = 0;
        FeatureValue value = default;
        var values = new List<FeatureValue>();
        switch (tag)
        {
            case NumericBinaryBranch.TagValue:
                threshold = reader.ReadDouble();
                break;
            case NominalBinaryBranch.TagValue:
                value = FeatureValue.Read(reader);
                break;
            default:
                int count = reader.ReadCount();
                for (int i = 0; i < count; i++)
                {
                    values.Add(FeatureValue.Read(reader));
                }

                break;
        }

        int childCount = reader.ReadCount();
        StateReader.Require(tag == NominalMultiwayBranch.TagValue ? childCount == values.Count : childCount == 2, "A branch has the wrong number of children.");
        var children = new List<TreeNode>(childCount);
        for (int i = 0; i < childCount; i++)
        {
            children.Add(ReadNode(reader, readLeaf, level + 1));
        }

        return tag switch
        {
            NumericBinaryBranch.TagValue => new NumericBinaryBranch(depth, feature, threshold, children, classStats, targetStats),
            NominalBinaryBranch.TagValue => new NominalBinaryBranch(depth, feature, value, children, classStats, targetStats),
            _ => new NominalMultiwayBranch(depth, feature, values, children, classStats, targetStats),
        };
    }
}
