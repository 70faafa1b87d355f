using System.Runtime.InteropServices;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.Splitters;

namespace Eddy.Trees.Nodes;

/// <summary>
/// River's <c>tree.nodes.leaf.HTLeaf</c>: target statistics plus one splitter (attribute observer) per feature,
/// in the order features were first seen here (River's dict order, which orders the naive Bayes sums).
/// An inactive leaf keeps its statistics but drops its splitters.
/// </summary>
internal abstract class Leaf : TreeNode
{
    private List<int> _features = [];
    private List<Splitter> _splitters = [];
    private List<int>? _disabled;
    private bool _active = true;

    protected Leaf(int depth, Splitter numericTemplate)
        : base(depth)
    {
        AsLeaf = this;
        NumericTemplate = numericTemplate;
    }

    /// <summary>The tree's splitter, copied fresh for each numeric feature.</summary>
    public Splitter NumericTemplate { get; }

    public double LastSplitAttemptAt { get; set; }

    public bool IsActive => _active;

    public int SplitterCount => _splitters.Count;

    public int FeatureAt(int i) => _features[i];

    public Splitter SplitterAt(int i) => _splitters[i];

    /// <summary>EFDT hands a leaf's observers to the branch that replaces it (River shares the dict).</summary>
    public List<int> ObservedFeatures => _features;

    public List<Splitter> Observers => _splitters;

    /// <summary>EFDT's killed subtree: the new leaf takes over the branch's observers.</summary>
    public void AdoptObservers(List<int> features, List<Splitter> splitters)
    {
        _features = features;
        _splitters = splitters;
    }

    public void Activate()
    {
        if (!_active)
        {
            _active = true;
            _features = [];
            _splitters = [];
        }
    }

    public void Deactivate()
    {
        _active = false;
        _features = [];
        _splitters = [];
    }

    /// <summary>River's <c>calculate_promise</c>: small values are deactivated first under memory pressure.</summary>
    public abstract double CalculatePromise();

    /// <summary>River's <c>disable_attribute</c>: drops the feature's splitter and ignores the feature from now on.</summary>
    public virtual void DisableAttribute(int feature)
    {
        int i = _features.IndexOf(feature);
        if (i >= 0)
        {
            _features.RemoveAt(i);
            _splitters.RemoveAt(i);
            (_disabled ??= []).Add(feature);
        }
    }

    /// <summary>River's <c>_iter_features</c>: ARF leaves override it to watch a random subset of features.</summary>
    protected virtual bool Observes(FeatureVector x, int position) => true;

    /// <summary>
    /// How many features of <paramref name="x"/> learning walks; with <see cref="ObservedPosition"/> this is River's
    /// <c>_iter_features</c> order, which ARF leaves replace by their sampled subset (it orders the splitters).
    /// </summary>
    protected virtual int ObservedCount(FeatureVector x) => x.Count;

    /// <summary>Position in <paramref name="x"/> of the <paramref name="k"/>-th observed feature, -1 when absent.</summary>
    protected virtual int ObservedPosition(FeatureVector x, int k) => k;

    protected abstract Splitter NewNominalSplitter();

    /// <summary>The splitter of <paramref name="position"/>'s feature, created on first sight (null when disabled).</summary>
    protected Splitter? SplitterFor(FeatureVector x, int position, TreeCore tree) => SplitterFor(x, position, tree, position);

    /// <summary>
    /// <see cref="SplitterFor(FeatureVector, int, TreeCore)"/> trying splitter <paramref name="hint"/> first: the
    /// k-th observed feature usually has the k-th splitter, as splitters are created in observation order.
    /// </summary>
    protected Splitter? SplitterFor(FeatureVector x, int position, TreeCore tree, int hint)
    {
        int feature = x.IndexAt(position);
        int i = IndexOfFeature(feature, hint);
        if (i >= 0)
        {
            return _splitters[i];
        }

        if ((_disabled is not null && _disabled.Contains(feature)) || !Observes(x, position))
        {
            return null;
        }

        Splitter splitter = tree.IsNominal(x, position) ? NewNominalSplitter() : NumericTemplate.CloneFresh();
        _features.Add(feature);
        _splitters.Add(splitter);
        return splitter;
    }

    /// <summary>Index of a feature among the splitters; <paramref name="hint"/> is tried first (usually right).</summary>
    protected int IndexOfFeature(int feature, int hint)
    {
        if ((uint)hint < (uint)_features.Count && _features[hint] == feature)
        {
            return hint;
        }

        return _features.IndexOf(feature);
    }

    /// <summary>Positions in <paramref name="x"/> of each splitter's feature (-1 when absent), for naive Bayes.</summary>
    protected void LocateFeatures(FeatureVector x, Span<int> positions)
    {
        ReadOnlySpan<int> features = CollectionsMarshal.AsSpan(_features);
        ReadOnlySpan<int> indices = x.Indices;
        int cursor = 0;
        for (int i = 0; i < features.Length && i < positions.Length; i++)
        {
            int feature = features[i];
            if ((uint)cursor < (uint)indices.Length && indices[cursor] == feature)
            {
                positions[i] = cursor++;
                continue;
            }

            int position = x.PositionOf(feature);
            positions[i] = position;
            cursor = position + 1;
        }
    }

    public override long EstimateBytes()
    {
        long bytes = 96 + (16L * _features.Count) + (4L * (_disabled?.Count ?? 0));
        foreach (Splitter splitter in _splitters)
        {
            bytes += splitter.EstimateBytes();
        }

        return bytes;
    }

    /// <summary>The observer part of the leaf; subclasses write their tag, depth and statistics first.</summary>
    protected void WriteObservers(StateWriter writer)
    {
        writer.WriteDouble(LastSplitAttemptAt);
        writer.WriteBoolean(_active);
        writer.WriteInt32s(_disabled is null ? [] : _disabled.ToArray());
        writer.WriteInt32(_splitters.Count);
        for (int i = 0; i < _splitters.Count; i++)
        {
            writer.WriteInt32(_features[i]);
            writer.WriteByte(_splitters[i].Tag);
            _splitters[i].WriteState(writer);
        }
    }

    protected static int ReadDepth(StateReader reader)
    {
        int depth = reader.ReadInt32();
        StateReader.Require(depth >= 0, "A tree node has a negative depth.");
        return depth;
    }

    /// <summary>Reads what <see cref="WriteObservers"/> wrote.</summary>
    protected void ReadObservers(StateReader reader, int classCount)
    {
        double lastSplitAttemptAt = reader.ReadDouble();
        bool active = reader.ReadBoolean();
        int[] disabled = reader.ReadInt32s();
        int count = reader.ReadCount();
        var features = new List<int>(count);
        var splitters = new List<Splitter>(count);
        for (int i = 0; i < count; i++)
        {
            int feature = reader.ReadInt32();
            StateReader.Require(feature >= 0 && !features.Contains(feature), "Invalid or repeated feature in a leaf.");
            byte tag = reader.ReadByte();
            Splitter nominal = NewNominalSplitter();
            Splitter splitter = tag == nominal.Tag ? nominal : NumericTemplate.CloneFresh();
            StateReader.Require(splitter.Tag == tag, $"Unexpected splitter tag {tag} in a leaf.");
            splitter.ReadState(reader, classCount);
            features.Add(feature);
            splitters.Add(splitter);
        }

        StateReader.Require(active || count == 0, "An inactive leaf has splitters.");
        LastSplitAttemptAt = lastSplitAttemptAt;
        _active = active;
        _disabled = disabled.Length == 0 ? null : [.. disabled];
        _features = features;
        _splitters = splitters;
    }
}
