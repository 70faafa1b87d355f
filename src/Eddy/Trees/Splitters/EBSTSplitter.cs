using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.SplitCriteria;

namespace Eddy.Trees.Splitters;

/// <summary>
/// River: <c>tree.splitter.EBSTSplitter</c>, iSOUP-Tree's extended binary search tree: one node per distinct value,
/// each holding the target statistics of the values at or below it in its subtree, so every value is a split
/// candidate. Osojnik (2017); bad candidates pruned as in FIMT-DD (Ikonomovska et al., 2011).
/// </summary>
public class EBSTSplitter : Splitter
{
    private const byte StateVersion = 1;
    private SearchNode? _root;
    private int _nodeCount;

    // Scratch of one split search (River's self._aux_estimator and friends), reset each call.
    private VarianceStats _aux;

    public override bool IsTargetClass => false;

    public override string ToString() => "EBSTSplitter()";

    internal override byte Tag => 3;

    internal override Splitter CloneFresh() => new EBSTSplitter();

    internal override void Update(FeatureValue value, double target, double weight) => Insert(value.Number, target, weight);

    internal override SplitSuggestion BestSplit(
        VarianceReductionSplitCriterion criterion, in VarianceStats preSplit, int feature, bool binaryOnly, FeatureSchema schema)
    {
        var candidate = SplitSuggestion.Null();
        if (_root is null)
        {
            return candidate;
        }

        _aux = default;
        return FindBestSplit(_root, candidate, criterion, preSplit, feature);
    }

    internal override void RemoveBadSplits(
        VarianceReductionSplitCriterion criterion, double lastCheckRatio, double lastCheckVr, double lastCheckE, in VarianceStats preSplit)
    {
        if (_root is null)
        {
            return;
        }

        _aux = default;
        var context = new PruneContext(criterion, preSplit, lastCheckRatio, lastCheckVr, lastCheckE);
        RemoveBadSplitNodes(_root, null, true, context);
        _nodeCount = Count(_root);
    }

    internal override long EstimateBytes() => 48 + (_nodeCount * 56L);

    internal override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(EBSTSplitter), StateVersion);
        writer.WriteInt32(_nodeCount);

        // Pre-order with presence flags, iteratively: a search tree fed sorted values is a deep chain.
        var stack = new Stack<SearchNode?>();
        stack.Push(_root);
        while (stack.Count > 0)
        {
            SearchNode? node = stack.Pop();
            writer.WriteBoolean(node is not null);
            if (node is null)
            {
                continue;
            }

            writer.WriteDouble(node.Value);
            node.Estimator.WriteState(writer);
            stack.Push(node.Right);
            stack.Push(node.Left);
        }
    }

    internal override void ReadState(StateReader reader, int classCount)
    {
        reader.ReadHeader(nameof(EBSTSplitter), StateVersion);
        int nodeCount = reader.ReadCount();
        SearchNode? root = null;
        int read = 0;

        // Mirror of the writer: each pending slot is filled from the stream in pre-order.
        var slots = new Stack<(SearchNode? Parent, bool Left)>();
        slots.Push((null, true));
        while (slots.Count > 0)
        {
            (SearchNode? parent, bool left) = slots.Pop();
            if (!reader.ReadBoolean())
            {
                continue;
            }

            StateReader.Require(++read <= nodeCount, "The E-BST holds more nodes than announced.");
            var node = new SearchNode(reader.ReadDouble(), VarianceStats.Read(reader));
            if (parent is null)
            {
                root = node;
            }
            else if (left)
            {
                parent.Left = node;
            }
            else
            {
                parent.Right = node;
            }

            slots.Push((node, false));
            slots.Push((node, true));
        }

        StateReader.Require(read == nodeCount, "The E-BST node count does not match.");
        _root = root;
        _nodeCount = nodeCount;
    }

    /// <summary>River's <c>Node.insert_value</c>: nodes passed on the left side also count the value.</summary>
    private protected void Insert(double x, double target, double weight)
    {
        if (_root is null)
        {
            _root = new SearchNode(x, default);
            _root.Estimator.Update(target, weight);
            _nodeCount = 1;
            return;
        }

        SearchNode current = _root;
        while (true)
        {
            if (x == current.Value)
            {
                current.Estimator.Update(target, weight);
                return;
            }

            if (x < current.Value)
            {
                current.Estimator.Update(target, weight);
                if (current.Left is null)
                {
                    current.Left = NewNode(x, target, weight);
                    return;
                }

                current = current.Left;
            }
            else
            {
                if (current.Right is null)
                {
                    current.Right = NewNode(x, target, weight);
                    return;
                }

                current = current.Right;
            }
        }
    }

    private static int Count(SearchNode? root)
    {
        int count = 0;
        var stack = new Stack<SearchNode>();
        if (root is not null)
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            SearchNode node = stack.Pop();
            count++;
            if (node.Left is not null)
            {
                stack.Push(node.Left);
            }

            if (node.Right is not null)
            {
                stack.Push(node.Right);
            }
        }

        return count;
    }

    private SearchNode NewNode(double x, double target, double weight)
    {
        var node = new SearchNode(x, default);
        node.Estimator.Update(target, weight);
        _nodeCount++;
        return node;
    }

    private SplitSuggestion FindBestSplit(
        SearchNode node, SplitSuggestion candidate, VarianceReductionSplitCriterion criterion, in VarianceStats preSplit, int feature)
    {
        if (node.Left is not null)
        {
            candidate = FindBestSplit(node.Left, candidate, criterion, preSplit, feature);
        }

        VarianceStats left = node.Estimator + _aux;
        VarianceStats right = preSplit - left;
        ReadOnlySpan<VarianceStats> post = [left, right];
        double merit = criterion.MeritOfSplit(preSplit, post);
        if (merit > candidate.Merit)
        {
            candidate = new SplitSuggestion(merit, feature) { Threshold = node.Value, TargetStats = [left, right] };
        }

        if (node.Right is not null)
        {
            _aux += node.Estimator;
            SplitSuggestion rightCandidate = FindBestSplit(node.Right, candidate, criterion, preSplit, feature);
            if (rightCandidate.Merit > candidate.Merit)
            {
                candidate = rightCandidate;
            }

            _aux -= node.Estimator;
        }

        return candidate;
    }

    private bool RemoveBadSplitNodes(SearchNode current, SearchNode? parent, bool isLeftChild, PruneContext context)
    {
        bool isBad = current.Left is null || RemoveBadSplitNodes(current.Left, current, true, context);
        if (isBad && current.Right is not null)
        {
            _aux += current.Estimator;
            isBad = RemoveBadSplitNodes(current.Right, current, false, context);
            _aux -= current.Estimator;
        }

        if (!isBad)
        {
            return false;
        }

        VarianceStats left = current.Estimator + _aux;
        VarianceStats right = context.PreSplit - left;
        ReadOnlySpan<VarianceStats> post = [left, right];
        double merit = context.Criterion.MeritOfSplit(context.PreSplit, post);
        if (merit / context.LastCheckVr < context.LastCheckRatio - (2 * context.LastCheckE))
        {
            current.Left = null;
            current.Right = null;
            if (parent is null)
            {
                _root = null;
            }
            else if (isLeftChild)
            {
                parent.Left = null;
            }
            else
            {
                parent.Right = null;
            }

            return true;
        }

        return false;
    }

    private sealed class SearchNode(double value, VarianceStats estimator)
    {
        public VarianceStats Estimator = estimator;

        public double Value { get; } = value;

        public SearchNode? Left { get; set; }

        public SearchNode? Right { get; set; }
    }

    private sealed record PruneContext(
        VarianceReductionSplitCriterion Criterion, VarianceStats PreSplit, double LastCheckRatio, double LastCheckVr, double LastCheckE);
}
