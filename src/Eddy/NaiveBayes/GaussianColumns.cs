using Eddy.Serialization;

namespace Eddy.NaiveBayes;

/// <summary>
/// One class's Gaussians, a column per feature index: River's <c>proba.Gaussian</c> (weight sum, Welford mean and
/// sum of squared deviations, variance with ddof = 1). An index beyond the arrays is a Gaussian never updated.
/// </summary>
internal sealed class GaussianColumns
{
    private const byte StateVersion = 1;

    private double[] _n = [];
    private double[] _mean = [];
    private double[] _s = [];

    /// <summary>The statistics of <paramref name="index"/> after one more value, without storing them.</summary>
    public static (double N, double Mean, double S) Next(GaussianColumns? columns, int index, double x)
    {
        double n = columns?.Get(columns._n, index) ?? 0.0;
        double mean = columns?.Get(columns._mean, index) ?? 0.0;
        double s = columns?.Get(columns._s, index) ?? 0.0;

        // stats.Mean then stats.Var, as River orders them (w = 1).
        double newN = n + 1.0;
        double newMean = mean + (1.0 / newN * (x - mean));
        double newS = s + (1.0 * (x - mean) * (x - newMean));
        return (newN, newMean, newS);
    }

    public void Update(ReadOnlySpan<int> indices, ReadOnlySpan<double> values, int featureCount)
    {
        EnsureCapacity(featureCount);
        for (int i = 0; i < indices.Length; i++)
        {
            int j = indices[i];
            (_n[j], _mean[j], _s[j]) = Next(this, j, values[i]);
        }
    }

    /// <summary>River's <c>Gaussian.__call__</c>: the density at <paramref name="x"/>, 0 while the variance is 0.</summary>
    public double Pdf(int index, double x)
    {
        double n = Get(_n, index);
        double variance = n > 1 ? Get(_s, index) / (n - 1) : 0.0;
        if (variance == 0 || variance < 0)
        {
            // River's math.sqrt raises on a negative variance and the density is then taken as 0.
            return 0.0;
        }

        double mu = Get(_mean, index);
        return Math.Exp(Math.Pow(x - mu, 2) / (-2 * variance)) / Math.Sqrt(Math.Tau * variance);
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(GaussianColumns), StateVersion);
        writer.WriteDoubles(_n);
        writer.WriteDoubles(_mean);
        writer.WriteDoubles(_s);
    }

    public static GaussianColumns Read(StateReader reader)
    {
        reader.ReadHeader(nameof(GaussianColumns), StateVersion);
        var columns = new GaussianColumns
        {
            _n = reader.ReadDoubles(),
            _mean = reader.ReadDoubles(),
            _s = reader.ReadDoubles(),
        };
        StateReader.Require(
            columns._n.Length == columns._mean.Length && columns._mean.Length == columns._s.Length,
            "Gaussian statistics differ in length.");
        return columns;
    }

    private double Get(double[] column, int index) => (uint)index < (uint)column.Length ? column[index] : 0.0;

    private void EnsureCapacity(int count)
    {
        if (_n.Length >= count)
        {
            return;
        }

        int size = Math.Max(count, _n.Length * 2);
        Array.Resize(ref _n, size);
        Array.Resize(ref _mean, size);
        Array.Resize(ref _s, size);
    }
}
