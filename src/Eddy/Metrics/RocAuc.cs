using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.ROCAUC</c>. River's approximation of the area under the ROC curve, not the exact AUC: one binary
/// confusion matrix per threshold <c>i / (n − 1)</c> (the first lowered and the last raised by 1e-7), counting
/// <c>P(True) &gt; t</c> as a positive prediction, then the trapezoid rule over the (FPR, TPR) points, summed as
/// NumPy sums, so the value matches River's bits.
/// </summary>
public sealed class RocAuc : ClassificationMetric
{
    private const byte StateVersion = 1;

    private readonly double[] _thresholds;
    private BinaryConfusion[] _matrices;

    public RocAuc(int nThresholds = 10)
        : this(nThresholds, Label.True)
    {
    }

    public RocAuc(int nThresholds, Label posVal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nThresholds, 2);
        if (posVal.IsNone)
        {
            throw new ArgumentOutOfRangeException(nameof(posVal), "The positive class must not be missing.");
        }

        NThresholds = nThresholds;
        PosVal = posVal;
        _thresholds = new double[nThresholds];
        for (int i = 0; i < nThresholds; i++)
        {
            _thresholds[i] = (double)i / (nThresholds - 1);
        }

        _thresholds[0] -= 1e-7;
        _thresholds[^1] += 1e-7;
        _matrices = NewMatrices(nThresholds);
    }

    public int NThresholds { get; }

    public Label PosVal { get; }

    public override string Name => "ROCAUC";

    public override bool BiggerIsBetter => true;

    public override bool IsPercentage => true;

    public override bool RequiresLabels => false;

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => Apply(yTrue, yPred, w);

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => Apply(yTrue, yPred, -w);

    public override double Value
    {
        get
        {
            int n = _thresholds.Length;
            Span<double> tprs = n <= 64 ? stackalloc double[n] : new double[n];
            Span<double> fprs = n <= 64 ? stackalloc double[n] : new double[n];
            for (int i = 0; i < n; i++)
            {
                BinaryConfusion cm = _matrices[i];
                double tp = cm.TruePositives;
                double tn = cm.TrueNegatives;
                double fp = cm.FalsePositives;
                double fn = cm.FalseNegatives;
                MultiClassMetric.TryDivide(tp, tp + fn, out tprs[i]);
                MultiClassMetric.TryDivide(fp, fp + tn, out fprs[i]);
            }

            return -Trapezoid(tprs, fprs);
        }
    }

    public override Metric CloneFresh() => new RocAuc(NThresholds, PosVal);

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(RocAuc), StateVersion);
        writer.WriteInt32(_matrices.Length);
        foreach (BinaryConfusion cm in _matrices)
        {
            cm.Write(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(RocAuc), StateVersion);
        int count = reader.ReadCount();
        StateReader.Require(count == NThresholds, $"The saved ROCAUC has {count} thresholds, this one {NThresholds}.");
        var matrices = new BinaryConfusion[count];
        for (int i = 0; i < count; i++)
        {
            matrices[i] = BinaryConfusion.Read(reader);
        }

        _matrices = matrices;
    }

    /// <summary>
    /// <c>numpy.trapz(y, x)</c>: <c>add.reduce(diff(x) * (y[1:] + y[:-1]) / 2.0)</c>, where the reduction starts from the
    /// identity and adds NumPy's pairwise sum of the terms.
    /// </summary>
    internal static double Trapezoid(ReadOnlySpan<double> y, ReadOnlySpan<double> x)
    {
        int n = y.Length - 1;
        Span<double> terms = n <= 64 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }

        return 0.0 + Eddy.Utils.NumpySum.Pairwise(terms);
    }

    private void Apply(Label yTrue, ClassificationPrediction yPred, double w)
    {
        BinaryMetric.CheckWeight(w);
        double pTrue = yPred.RequireProbabilities(Name).Get(Label.True);
        bool truth = yTrue == PosVal;
        for (int i = 0; i < _thresholds.Length; i++)
        {
            _matrices[i].Update(truth, pTrue > _thresholds[i], w);
        }
    }

    private static BinaryConfusion[] NewMatrices(int count)
    {
        var matrices = new BinaryConfusion[count];
        for (int i = 0; i < count; i++)
        {
            matrices[i] = new BinaryConfusion();
        }

        return matrices;
    }
}
