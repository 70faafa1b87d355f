using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.SplitCriteria;

namespace Eddy.Trees.Splitters;

/// <summary>
/// River: <c>tree.splitter.NominalSplitterReg</c>. Target statistics per category; proposes the multiway split
/// (unless binary only) and every one-vs-rest binary split, categories in sorted order.
/// </summary>
internal sealed class NominalRegressionSplitter : Splitter
{
    private const byte StateVersion = 1;
    private readonly List<FeatureValue> _values = [];
    private readonly List<VarianceStats> _statistics = [];

    public override bool IsTargetClass => false;

    public override string ToString() => "NominalSplitterReg()";

    internal override byte Tag => 5;

    internal override Splitter CloneFresh() => new NominalRegressionSplitter();

    internal override void Update(FeatureValue value, double target, double weight)
    {
        int k = _values.IndexOf(value);
        if (k < 0)
        {
            k = _values.Count;
            _values.Add(value);
            _statistics.Add(default);
        }

        VarianceStats stats = _statistics[k];
        stats.Update(target, weight);
        _statistics[k] = stats;
    }

    internal override SplitSuggestion BestSplit(
        VarianceReductionSplitCriterion criterion, in VarianceStats preSplit, int feature, bool binaryOnly, FeatureSchema schema)
    {
        SplitSuggestion best = SplitSuggestion.Null();
        int[] order = new int[_values.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => FeatureValue.Compare(_values[a], _values[b], schema));
        if (!binaryOnly)
        {
            var values = new FeatureValue[order.Length];
            var post = new VarianceStats[order.Length];
            for (int i = 0; i < order.Length; i++)
            {
                values[i] = _values[order[i]];
                post[i] = _statistics[order[i]];
            }

            double merit = criterion.MeritOfSplit(preSplit, post);
            best = new SplitSuggestion(merit, feature) { Numeric = false, Multiway = true, Values = values, TargetStats = post };
        }

        foreach (int k in order)
        {
            VarianceStats actual = _statistics[k];
            VarianceStats remaining = preSplit - actual;
            VarianceStats[] post = [actual, remaining];
            double merit = criterion.MeritOfSplit(preSplit, post);
            if (merit > best.Merit)
            {
                best = new SplitSuggestion(merit, feature) { Numeric = false, Value = _values[k], TargetStats = post };
            }
        }

        return best;
    }

    internal override long EstimateBytes() => 64 + (_values.Count * 40L);

    internal override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(NominalRegressionSplitter), StateVersion);
        writer.WriteInt32(_values.Count);
        for (int i = 0; i < _values.Count; i++)
        {
            _values[i].WriteState(writer);
            _statistics[i].WriteState(writer);
        }
    }

    internal override void ReadState(StateReader reader, int classCount)
    {
        reader.ReadHeader(nameof(NominalRegressionSplitter), StateVersion);
        int count = reader.ReadCount();
        var values = new List<FeatureValue>(count);
        var statistics = new List<VarianceStats>(count);
        for (int i = 0; i < count; i++)
        {
            FeatureValue value = FeatureValue.Read(reader);
            StateReader.Require(!values.Contains(value), "A category is repeated in a nominal splitter.");
            values.Add(value);
            statistics.Add(VarianceStats.Read(reader));
        }

        _values.Clear();
        _values.AddRange(values);
        _statistics.Clear();
        _statistics.AddRange(statistics);
    }
}
