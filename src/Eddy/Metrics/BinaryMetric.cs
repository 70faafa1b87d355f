using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.base.BinaryMetric</c>. A label metric over the binary confusion matrix of
/// <c>y_true == pos_val</c> against <c>y_pred == pos_val</c> (Python equality: <c>1 == True</c>).
/// </summary>
/// <remarks>
/// River reads that boolean-keyed matrix back with <c>pos_val</c> itself, which only works when <c>pos_val</c> equals
/// True; Eddy reads the positive cell for any <c>posVal</c> (the same numbers for True/1, the intended ones otherwise).
/// </remarks>
public abstract class BinaryMetric : ClassificationMetric
{
    private const byte StateVersion = 1;

    private BinaryConfusion _counts = new();

    protected BinaryMetric(Label posVal)
    {
        if (posVal.IsNone)
        {
            throw new ArgumentOutOfRangeException(nameof(posVal), "The positive class must not be missing.");
        }

        PosVal = posVal;
    }

    /// <summary>The class treated as positive (River's <c>pos_val</c>).</summary>
    public Label PosVal { get; }

    public override bool BiggerIsBetter => true;

    public override bool IsPercentage => true;

    internal BinaryConfusion Counts => _counts;

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        CheckWeight(w);
        _counts.Update(yTrue == PosVal, yPred.Label == PosVal, w);
    }

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0)
    {
        CheckWeight(w);
        _counts.Update(yTrue == PosVal, yPred.Label == PosVal, -w);
    }

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(Name, StateVersion);
        _counts.Write(writer);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(Name, StateVersion);
        _counts = BinaryConfusion.Read(reader);
    }

    internal static void CheckWeight(double w)
    {
        if (!double.IsFinite(w))
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "The weight must be finite.");
        }
    }

    /// <summary>River's <c>repr</c> parameter text for <c>pos_val</c>.</summary>
    internal string PosValText => PosVal.Kind == LabelKind.Text ? $"'{PosVal}'" : PosVal.ToString();
}
