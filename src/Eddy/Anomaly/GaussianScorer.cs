using System.Globalization;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Anomaly;

/// <summary>
/// River: <c>anomaly.GaussianScorer</c>, a univariate Gaussian over the target (River's <c>proba.Gaussian</c>: weight
/// sum, Welford mean and sum of squared deviations, variance with ddof = 1), optionally over a window of the last
/// targets (River's <c>utils.Rolling</c>: the oldest is reverted before the newest is added). The score of a target
/// is <c>2·|CDF(y) − 0.5|</c> in [0, 1], high = anomalous; 0 until <c>grace_period</c> targets were seen.
/// </summary>
/// <remarks>The features are ignored (River passes <c>None</c>), but still validated like any estimator's input.</remarks>
public sealed class GaussianScorer : SupervisedAnomalyDetector
{
    private const byte StateVersion = 1;

    private readonly double[] _window;
    private int _windowStart;
    private int _windowCount;
    private double _n;
    private double _mean;
    private double _s;

    /// <param name="windowSize">Fit over the last this many targets; null (River's None) fits over all of them.</param>
    /// <param name="gracePeriod">Targets to see before scoring anything but 0 (default 100).</param>
    public GaussianScorer(int? windowSize = null, int gracePeriod = 100)
    {
        if (windowSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(windowSize));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(gracePeriod);
        WindowSize = windowSize;
        GracePeriod = gracePeriod;
        _window = windowSize is { } capacity ? new double[capacity] : [];
    }

    public int? WindowSize { get; }

    public int GracePeriod { get; }

    /// <summary>River's <c>n_samples</c>: the weight of the targets in the fit.</summary>
    public double NSamples => _n;

    public double Mu => _mean;

    /// <summary>River's <c>sigma</c>: the square root of the variance (ddof = 1; 0 below two targets).</summary>
    public double Sigma => Math.Pow(Variance(_n, _s), 0.5);

    protected override void LearnCore(FeatureVector x, double y)
    {
        double n = _n, mean = _mean, s = _s;
        if (WindowSize is { } size && _windowCount == size)
        {
            double oldest = _window[_windowStart];
            double meanOld = mean;
            n -= 1.0;
            mean = n == 0 ? 0.0 : mean - (1.0 / n * (oldest - mean));
            s -= 1.0 * (oldest - meanOld) * (oldest - mean);
        }

        double previous = mean;
        n += 1.0;
        mean += 1.0 / n * (y - mean);
        s += 1.0 * (y - previous) * (y - mean);
        if (!double.IsFinite(mean) || !double.IsFinite(s))
        {
            throw new NonFiniteUpdateException(nameof(GaussianScorer), "the Gaussian's statistics");
        }

        if (WindowSize is { } capacity)
        {
            if (_windowCount == capacity)
            {
                _window[_windowStart] = y;
                _windowStart = (_windowStart + 1) % capacity;
            }
            else
            {
                _window[(_windowStart + _windowCount) % capacity] = y;
                _windowCount++;
            }
        }

        _n = n;
        _mean = mean;
        _s = s;
    }

    protected override double ScoreCore(FeatureVector x, double y)
    {
        if (_n < GracePeriod)
        {
            return 0.0;
        }

        return 2 * Math.Abs(Cdf(y) - 0.5);
    }

    /// <summary>River's <c>Gaussian.cdf</c>; Python's division by a zero sigma raises, and River then answers 0.</summary>
    private double Cdf(double y)
    {
        double denominator = Sigma * Math.Sqrt(2.0);
        return denominator == 0.0 ? 0.0 : 0.5 * (1.0 + PythonMath.Erf((y - _mean) / denominator));
    }

    private static double Variance(double n, double s) => n > 1 ? s / (n - 1) : 0.0;

    public override Estimator CloneFresh() => new GaussianScorer(WindowSize, GracePeriod);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(GaussianScorer), StateVersion);
        writer.WriteDouble(_n);
        writer.WriteDouble(_mean);
        writer.WriteDouble(_s);
        writer.WriteInt32(_windowCount);
        for (int i = 0; i < _windowCount; i++)
        {
            writer.WriteDouble(_window[(_windowStart + i) % _window.Length]);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(GaussianScorer), StateVersion);
        double n = reader.ReadDouble();
        double mean = reader.ReadDouble();
        double s = reader.ReadDouble();
        StateReader.Require(n >= 0 && double.IsFinite(n) && double.IsFinite(mean) && double.IsFinite(s), "Invalid Gaussian statistics.");
        int count = reader.ReadInt32();
        StateReader.Require(count >= 0 && count <= _window.Length, "The saved window does not fit this window size.");
        var window = new double[_window.Length];
        for (int i = 0; i < count; i++)
        {
            window[i] = reader.ReadDouble();
        }

        window.CopyTo(_window, 0);
        _windowStart = 0;
        _windowCount = count;
        _n = n;
        _mean = mean;
        _s = s;
    }

    public override string ToString()
    {
        string window = WindowSize is { } size ? size.ToString(CultureInfo.InvariantCulture) : "None";
        return string.Create(CultureInfo.InvariantCulture, $"GaussianScorer(window_size={window}, grace_period={GracePeriod})");
    }
}
