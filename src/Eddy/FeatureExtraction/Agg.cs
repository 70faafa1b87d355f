using Eddy.Base;
using Eddy.Serialization;
using Eddy.Stats;

namespace Eddy.FeatureExtraction;

/// <summary>
/// River: <c>feature_extraction.Agg</c>. A streaming group-by: learning adds the value of <see cref="On"/> to the
/// statistic <see cref="How"/> of the row's group (the values of <see cref="By"/>); transforming outputs that group's
/// current statistic as one feature named <c>{on}_{how}_by_{by₁}_and_{by₂}</c> (<c>revenue_mean_by_place</c>).
/// Halford (2019), "Streaming groupbys in pandas for big datasets".
/// </summary>
/// <remarks>
/// <para>Group keys may be categories or numbers (River groups by the value); see <see cref="AggGroups"/>. An unseen
/// group reads as a fresh statistic (Mean 0, Count 0); a statistic without a value yet (Max, Min) leaves the feature
/// out where River would write None.</para>
/// <para>A row without <see cref="On"/> is not learned (River raises KeyError); a category in <see cref="On"/> is
/// refused. River's <c>TimeRolling</c> statistics are not ported.</para>
/// </remarks>
public sealed class Agg : Transformer
{
    private const byte StateVersion = 1;
    private readonly AggGroups _groups;

    /// <param name="on">The feature whose values are aggregated.</param>
    /// <param name="by">The features to group by; none (or null) puts every row in one group.</param>
    /// <param name="how">The statistic, copied fresh for each group.</param>
    public Agg(string on, IEnumerable<string>? by, Univariate how)
    {
        ArgumentException.ThrowIfNullOrEmpty(on);
        ArgumentNullException.ThrowIfNull(how);
        On = on;
        By = AggKeys.Validate(by, nameof(by));
        How = how.CloneFresh();
        _groups = new AggGroups(on, [.. By], How);
    }

    public string On { get; }

    public IReadOnlyList<string> By { get; }

    /// <summary>The statistic's prototype; never updated (each group owns a copy).</summary>
    public Univariate How { get; }

    /// <summary>River's <c>str(agg)</c>: the output feature's name.</summary>
    public string FeatureName => _groups.FeatureName;

    /// <summary>How many groups have been learned.</summary>
    public int GroupCount => _groups.Count;

    public override bool AcceptsCategorical => true;

    protected override void LearnCore(FeatureVector x)
    {
        int position = AggGroups.Find(x, On);
        if (position < 0)
        {
            return;
        }

        if (x.SymbolAt(position) != FeatureVector.NoSymbol)
        {
            throw new InvalidFeatureException(On, $"Agg aggregates numbers; the category '{x.SymbolText(x.SymbolAt(position))}' cannot be.");
        }

        _groups.Learn(x, x.ValueAt(position));
    }

    protected override void TransformCore(FeatureVector x, FeatureVector output) => _groups.Transform(x, output);

    public override Estimator CloneFresh() => new Agg(On, By, How);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Agg), StateVersion);
        _groups.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Agg), StateVersion);
        _groups.ReadState(reader);
    }

    public override string ToString() => $"Agg(on={AggKeys.Quote(On)}, by={AggKeys.Repr(By)}, how={How})";
}
