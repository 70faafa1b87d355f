using Eddy.Base;

namespace Eddy.Metrics;

/// <summary>River: <c>metrics.F1</c>. Binary F1 score, River's <c>FBeta(beta=1)</c>.</summary>
public sealed class F1 : BinaryMetric
{
    public F1()
        : this(Label.True)
    {
    }

    public F1(Label posVal)
        : base(posVal)
    {
    }

    public override string Name => "F1";

    public override double Value => FBeta.Compute(Counts, 1.0);

    public override Metric CloneFresh() => new F1(PosVal);
}
