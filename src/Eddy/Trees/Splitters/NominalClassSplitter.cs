using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.SplitCriteria;

namespace Eddy.Trees.Splitters;

/// <summary>
/// River: <c>tree.splitter.NominalSplitterClassif</c>. Class weights per category; proposes the multiway split
/// (unless binary only) and every one-vs-rest binary split.
/// </summary>
/// <remarks>
/// River keeps categories in a Python set, whose iteration order for strings depends on the process's hash seed;
/// Eddy uses first-seen order, which decides only exact merit ties. River's <c>cond_proba</c> also inserts
/// zero entries through a defaultdict when reading; Eddy's reads are pure.
/// </remarks>
internal sealed class NominalClassSplitter : Splitter
{
    private const byte StateVersion = 1;
    private readonly List<int> _classes = [];
    private readonly List<List<(FeatureValue Value, double Weight)>> _distributions = [];
    private readonly List<FeatureValue> _values = [];
    private double _totalWeight;

    public override bool IsTargetClass => true;

    public override string ToString() => "NominalSplitterClassif()";

    internal override byte Tag => 2;

    internal override Splitter CloneFresh() => new NominalClassSplitter();

    internal override void Update(FeatureValue value, int classIndex, double weight)
    {
        if (!_values.Contains(value))
        {
            _values.Add(value);
        }

        int k = _classes.IndexOf(classIndex);
        if (k < 0)
        {
            k = _classes.Count;
            _classes.Add(classIndex);
            _distributions.Add([]);
        }

        List<(FeatureValue Value, double Weight)> distribution = _distributions[k];
        int v = Find(distribution, value);
        if (v < 0)
        {
            distribution.Add((value, weight));
        }
        else
        {
            distribution[v] = (value, distribution[v].Weight + weight);
        }

        _totalWeight += weight;
    }

    internal override double CondProba(FeatureValue value, int classIndex)
    {
        int k = _classes.IndexOf(classIndex);
        if (k < 0)
        {
            return 0.0;
        }

        List<(FeatureValue Value, double Weight)> distribution = _distributions[k];
        int v = Find(distribution, value);
        double sum = 0.0;
        foreach ((FeatureValue _, double weight) in distribution)
        {
            sum += weight;
        }

        return sum == 0.0 ? 0.0 : (v < 0 ? 0.0 : distribution[v].Weight) / sum;
    }

    internal override SplitSuggestion BestSplit(
        ClassSplitCriterion criterion, ClassWeights preSplit, int feature, bool binaryOnly, FeatureSchema schema)
    {
        SplitSuggestion best = SplitSuggestion.Null();
        if (!binaryOnly)
        {
            FeatureValue[] sorted = [.. _values];
            Array.Sort(sorted, (a, b) => FeatureValue.Compare(a, b, schema));
            var post = new ClassWeights[sorted.Length];
            for (int j = 0; j < sorted.Length; j++)
            {
                post[j] = new ClassWeights();
                foreach (int k in ClassesBy(criterion.ClassRank))
                {
                    int v = Find(_distributions[k], sorted[j]);
                    if (v >= 0)
                    {
                        post[j].Append(_classes[k], _distributions[k][v].Weight);
                    }
                }
            }

            double merit = criterion.MeritOfSplit(preSplit, post);
            best = new SplitSuggestion(merit, feature) { Numeric = false, Multiway = true, Values = sorted, ClassStats = post };
        }

        foreach (FeatureValue value in _values)
        {
            var equal = new ClassWeights();
            var notEqual = new ClassWeights();
            for (int k = 0; k < _classes.Count; k++)
            {
                foreach ((FeatureValue v, double weight) in _distributions[k])
                {
                    (v.Equals(value) ? equal : notEqual).Add(_classes[k], weight);
                }
            }

            ClassWeights[] post = [equal, notEqual];
            double merit = criterion.MeritOfSplit(preSplit, post);
            if (merit > best.Merit)
            {
                best = new SplitSuggestion(merit, feature) { Numeric = false, Value = value, ClassStats = post };
            }
        }

        return best;
    }

    internal override long EstimateBytes()
    {
        long bytes = 64 + (_values.Count * 16L);
        foreach (List<(FeatureValue Value, double Weight)> distribution in _distributions)
        {
            bytes += 32 + (distribution.Count * 24L);
        }

        return bytes;
    }

    internal override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(NominalClassSplitter), StateVersion);
        writer.WriteDouble(_totalWeight);
        writer.WriteInt32(_values.Count);
        foreach (FeatureValue value in _values)
        {
            value.WriteState(writer);
        }

        writer.WriteInt32(_classes.Count);
        for (int k = 0; k < _classes.Count; k++)
        {
            writer.WriteInt32(_classes[k]);
            writer.WriteInt32(_distributions[k].Count);
            foreach ((FeatureValue value, double weight) in _distributions[k])
            {
                value.WriteState(writer);
                writer.WriteDouble(weight);
            }
        }
    }

    internal override void ReadState(StateReader reader, int classCount)
    {
        reader.ReadHeader(nameof(NominalClassSplitter), StateVersion);
        double total = reader.ReadDouble();
        var values = new List<FeatureValue>();
        int valueCount = reader.ReadCount();
        for (int i = 0; i < valueCount; i++)
        {
            values.Add(FeatureValue.Read(reader));
        }

        var classes = new List<int>();
        var distributions = new List<List<(FeatureValue Value, double Weight)>>();
        int count = reader.ReadCount();
        for (int k = 0; k < count; k++)
        {
            int classIndex = reader.ReadInt32();
            StateReader.Require((uint)classIndex < (uint)classCount && !classes.Contains(classIndex), "Invalid class in a nominal splitter.");
            classes.Add(classIndex);
            var distribution = new List<(FeatureValue Value, double Weight)>();
            int entries = reader.ReadCount();
            for (int e = 0; e < entries; e++)
            {
                distribution.Add((FeatureValue.Read(reader), reader.ReadDouble()));
            }

            distributions.Add(distribution);
        }

        _totalWeight = total;
        _values.Clear();
        _values.AddRange(values);
        _classes.Clear();
        _classes.AddRange(classes);
        _distributions.Clear();
        _distributions.AddRange(distributions);
    }

    private static int Find(List<(FeatureValue Value, double Weight)> distribution, FeatureValue value)
    {
        for (int i = 0; i < distribution.Count; i++)
        {
            if (distribution[i].Value.Equals(value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Positions of the observed classes in the labels' sorted order (River sorts each branch's dict).</summary>
    private int[] ClassesBy(int[] classRank)
    {
        int[] order = new int[_classes.Count];
        for (int k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        Array.Sort(order, (a, b) => Rank(classRank, _classes[a]).CompareTo(Rank(classRank, _classes[b])));
        return order;
    }

    private static int Rank(int[] classRank, int classIndex) => classIndex < classRank.Length ? classRank[classIndex] : classIndex;
}
