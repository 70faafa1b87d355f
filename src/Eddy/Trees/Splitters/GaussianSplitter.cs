using System.Globalization;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.SplitCriteria;
using Eddy.Utils;

namespace Eddy.Trees.Splitters;

/// <summary>
/// River: <c>tree.splitter.GaussianSplitter</c>. One Gaussian per class (with the class's minimum and maximum);
/// split candidates are <c>n_splits</c> equally spaced points between the overall minimum and maximum, each
/// class's weight divided by its Gaussian CDF.
/// </summary>
public sealed class GaussianSplitter : Splitter
{
    private const byte StateVersion = 1;
    private int[] _classes = [];
    private double[] _min = [];
    private double[] _max = [];
    private VarianceStats[] _gaussians = [];
    private int _count;

    public GaussianSplitter(int nSplits = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nSplits, 1);
        NSplits = nSplits;
    }

    public int NSplits { get; }

    public override bool IsTargetClass => true;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"GaussianSplitter(n_splits={NSplits})");

    internal override byte Tag => 1;

    internal override Splitter CloneFresh() => new GaussianSplitter(NSplits);

    internal override void Update(FeatureValue value, int classIndex, double weight)
    {
        double x = value.Number;
        int k = PositionOf(classIndex);
        if (k < 0)
        {
            k = Append(classIndex, x);
        }
        else
        {
            if (x < _min[k])
            {
                _min[k] = x;
            }

            if (x > _max[k])
            {
                _max[k] = x;
            }
        }

        _gaussians[k].Update(x, weight);
    }

    /// <summary>The Gaussian of <paramref name="classIndex"/> after one more value would stay finite.</summary>
    internal bool CanUpdate(double x, int classIndex, double weight)
    {
        int k = PositionOf(classIndex);
        return k < 0 || _gaussians[k].Next(x, weight).IsFinite;
    }

    internal override double CondProba(FeatureValue value, int classIndex) => Density(value.Number, classIndex);

    /// <summary><see cref="CondProba"/> of a number, callable without virtual dispatch.</summary>
    internal double Density(double x, int classIndex)
    {
        int k = PositionOf(classIndex);
        return k < 0 ? 0.0 : Pdf(_gaussians[k], x);
    }

    internal override SplitSuggestion BestSplit(
        ClassSplitCriterion criterion, ClassWeights preSplit, int feature, bool binaryOnly, FeatureSchema schema)
    {
        SplitSuggestion best = SplitSuggestion.Null();
        double minValue = double.PositiveInfinity;
        double maxValue = double.NegativeInfinity;
        for (int k = 0; k < _count; k++)
        {
            if (_min[k] < minValue)
            {
                minValue = _min[k];
            }

            if (_max[k] > maxValue)
            {
                maxValue = _max[k];
            }
        }

        if (!(minValue < double.PositiveInfinity))
        {
            return best;
        }

        double binSize = maxValue - minValue;
        binSize /= NSplits + 1.0;

        // Candidates are scored in one reused pair of branches; only a new best keeps a copy.
        ClassWeights[] post = [new ClassWeights(_count), new ClassWeights(_count)];
        for (int i = 0; i < NSplits; i++)
        {
            double splitValue = minValue + (binSize * (i + 1));
            if (minValue < splitValue && splitValue < maxValue)
            {
                BinarySplit(splitValue, post[0], post[1]);
                double merit = criterion.MeritOfSplit(preSplit, post);
                if (merit > best.Merit)
                {
                    best = new SplitSuggestion(merit, feature) { Threshold = splitValue, ClassStats = [post[0].Copy(), post[1].Copy()] };
                }
            }
        }

        return best;
    }

    internal override long EstimateBytes() => 64 + (_count * 48L);

    internal override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(GaussianSplitter), StateVersion);
        writer.WriteInt32(_count);
        for (int k = 0; k < _count; k++)
        {
            writer.WriteInt32(_classes[k]);
            writer.WriteDouble(_min[k]);
            writer.WriteDouble(_max[k]);
            _gaussians[k].WriteState(writer);
        }
    }

    internal override void ReadState(StateReader reader, int classCount)
    {
        reader.ReadHeader(nameof(GaussianSplitter), StateVersion);
        int count = reader.ReadCount();
        var read = new GaussianSplitter(NSplits);
        for (int k = 0; k < count; k++)
        {
            int classIndex = reader.ReadInt32();
            StateReader.Require((uint)classIndex < (uint)classCount && read.PositionOf(classIndex) < 0, "Invalid class in a Gaussian splitter.");
            int position = read.Append(classIndex, 0.0);
            read._min[position] = reader.ReadDouble();
            read._max[position] = reader.ReadDouble();
            read._gaussians[position] = VarianceStats.Read(reader);
        }

        (_classes, _min, _max, _gaussians, _count) = (read._classes, read._min, read._max, read._gaussians, read._count);
    }

    /// <summary>River's <c>proba.Gaussian.__call__</c>: 0 while the variance is 0 (or negative through rounding).</summary>
    private static double Pdf(in VarianceStats gaussian, double x)
    {
        double variance = gaussian.Variance;
        if (variance == 0.0 || variance < 0.0)
        {
            return 0.0;
        }

        double d = x - gaussian.Mean;
        return Math.Exp(d * d / (-2 * variance)) / Math.Sqrt(Math.Tau * variance);
    }

    /// <summary>River's <c>proba.Gaussian.cdf</c>; 0 when the standard deviation is 0.</summary>
    private static double Cdf(in VarianceStats gaussian, double x)
    {
        double sigma = Math.Pow(gaussian.Variance, 0.5);
        double denominator = sigma * Math.Sqrt(2.0);
        return denominator == 0.0 ? 0.0 : 0.5 * (1.0 + PythonMath.Erf((x - gaussian.Mean) / denominator));
    }

    private void BinarySplit(double splitValue, ClassWeights left, ClassWeights right)
    {
        left.Clear();
        right.Clear();
        for (int k = 0; k < _count; k++)
        {
            double n = _gaussians[k].N;
            if (splitValue < _min[k])
            {
                right.Append(_classes[k], n);
            }
            else if (splitValue >= _max[k])
            {
                left.Append(_classes[k], n);
            }
            else
            {
                double l = Cdf(_gaussians[k], splitValue) * n;
                left.Append(_classes[k], l);
                right.Append(_classes[k], n - l);
            }
        }
    }

    private int PositionOf(int classIndex)
    {
        for (int k = 0; k < _count; k++)
        {
            if (_classes[k] == classIndex)
            {
                return k;
            }
        }

        return -1;
    }

    private int Append(int classIndex, double x)
    {
        if (_count == _classes.Length)
        {
            int size = Math.Max(2, _count * 2);
            Array.Resize(ref _classes, size);
            Array.Resize(ref _min, size);
            Array.Resize(ref _max, size);
            Array.Resize(ref _gaussians, size);
        }

        _classes[_count] = classIndex;
        _min[_count] = x;
        _max[_count] = x;
        _gaussians[_count] = default;
        return _count++;
    }
}
