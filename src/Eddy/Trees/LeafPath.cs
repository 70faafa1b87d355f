using Eddy.Base;
using Eddy.Trees.Nodes;

namespace Eddy.Trees;

/// <summary>
/// Learn-path scratch a forest hands one member tree for one example: the leaf its metric prediction reached (with
/// the branch above it) and that leaf's naive Bayes votes. The tree's learn step then neither walks again nor
/// recomputes the adaptive leaf's votes (River does both; nothing changes the tree in between, so the numbers are the
/// same), and the drift check after learning reuses the leaf while it was not split. Never part of any state.
/// </summary>
internal sealed class LeafPath
{
    private double[] _votes = new double[4];

    public HoeffdingTreeClassifier? Tree { get; private set; }

    public FeatureVector? Example { get; private set; }

    /// <summary>The leaf the prediction reached.</summary>
    public ClassificationLeaf? Leaf { get; private set; }

    public Branch? Parent { get; private set; }

    public int ParentBranch { get; private set; } = -1;

    /// <summary>True when every branch on the way had a branch for the example (the learn walk ends at the same leaf).</summary>
    public bool Direct { get; private set; }

    /// <summary><see cref="Votes"/> hold the leaf's naive Bayes result for the example.</summary>
    public bool HasVotes { get; private set; }

    /// <summary>What River's <c>do_naive_bayes_prediction</c> returned (false: an empty distribution).</summary>
    public bool VotesValid { get; private set; }

    /// <summary>Once learned: the learned leaf, if a later prediction on the same example still reaches it.</summary>
    public ClassificationLeaf? Learned { get; private set; }

    public ReadOnlySpan<double> Votes => _votes.AsSpan(0, Leaf is null ? 0 : Leaf.Stats.Count);

    public void Clear()
    {
        Tree = null;
        Example = null;
        Leaf = null;
        Parent = null;
        ParentBranch = -1;
        Direct = false;
        HasVotes = false;
        VotesValid = false;
        Learned = null;
    }

    public void Reached(HoeffdingTreeClassifier tree, FeatureVector x, ClassificationLeaf leaf, Branch? parent, int parentBranch, bool direct)
    {
        Clear();
        Tree = tree;
        Example = x;
        Leaf = leaf;
        Parent = parent;
        ParentBranch = parentBranch;
        Direct = direct;
    }

    /// <summary>Room for <paramref name="count"/> votes, to be confirmed by <see cref="SetVotes"/>.</summary>
    public Span<double> VoteBuffer(int count)
    {
        if (_votes.Length < count)
        {
            _votes = new double[Math.Max(count, _votes.Length * 2)];
        }

        return _votes.AsSpan(0, count);
    }

    public void SetVotes(bool valid)
    {
        HasVotes = true;
        VotesValid = valid;
    }

    public bool Matches(HoeffdingTreeClassifier tree, FeatureVector x) => ReferenceEquals(Tree, tree) && ReferenceEquals(Example, x);

    public void SetLearned(ClassificationLeaf? leaf)
    {
        HasVotes = false;
        Learned = leaf;
    }
}
