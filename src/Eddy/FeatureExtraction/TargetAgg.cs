using Eddy.Base;
using Eddy.Serialization;
using Eddy.Stats;

namespace Eddy.FeatureExtraction;

/// <summary>
/// River: <c>feature_extraction.TargetAgg</c>. <see cref="Agg"/> over the target: learning adds y to the statistic of
/// the row's group, transforming outputs it as <c>{target_name}_{how}_by_{by}</c> (<c>y_bayes_mean_by_place</c>) —
/// target encoding. In a pipeline it transforms before it learns, so a row's feature is the statistic of the
/// targets seen <em>before</em> it.
/// </summary>
/// <remarks>
/// The target must be a number; a boolean counts as 0/1 (Python's <c>True == 1</c>), a string class is refused with
/// <see cref="InvalidLabelException"/>. Groups are keyed as in <see cref="Agg"/>.
/// </remarks>
public sealed class TargetAgg : SupervisedTransformer
{
    private const byte StateVersion = 1;
    private readonly AggGroups _groups;

    /// <param name="by">The features to group by; none (or null) puts every row in one group.</param>
    /// <param name="how">The statistic, copied fresh for each group.</param>
    /// <param name="targetName">The target's name in the output feature (River's <c>target_name</c>).</param>
    public TargetAgg(IEnumerable<string>? by, Univariate how, string targetName = "y")
    {
        ArgumentNullException.ThrowIfNull(how);
        ArgumentException.ThrowIfNullOrEmpty(targetName);
        By = AggKeys.Validate(by, nameof(by));
        How = how.CloneFresh();
        TargetName = targetName;
        _groups = new AggGroups(targetName, [.. By], How);
    }

    public IReadOnlyList<string> By { get; }

    /// <summary>The statistic's prototype; never updated (each group owns a copy).</summary>
    public Univariate How { get; }

    public string TargetName { get; }

    /// <summary>River's <c>str(agg)</c>: the output feature's name.</summary>
    public string FeatureName => _groups.FeatureName;

    /// <summary>How many groups have been learned.</summary>
    public int GroupCount => _groups.Count;

    public override bool AcceptsCategorical => true;

    protected override void CheckTarget(Label y)
    {
        double value = y.ToDouble();
        if (!double.IsFinite(value))
        {
            throw new InvalidLabelException($"TargetAgg needs a finite target, not {y}.");
        }
    }

    protected override void LearnCore(FeatureVector x, Label y) => _groups.Learn(x, y.ToDouble());

    protected override void TransformCore(FeatureVector x, FeatureVector output) => _groups.Transform(x, output);

    public override Estimator CloneFresh() => new TargetAgg(By, How, TargetName);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(TargetAgg), StateVersion);
        _groups.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(TargetAgg), StateVersion);
        _groups.ReadState(reader);
    }

    public override string ToString() =>
        $"TargetAgg(by={AggKeys.Repr(By)}, how={How}, target_name={AggKeys.Quote(TargetName)})";
}
