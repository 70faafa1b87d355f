namespace Eddy.Drift;

/// <summary>
/// The Population Stability Index: how far a recent sample of a variable has moved from a reference sample, over bins
/// cut at the reference's quantiles. PSI = Σ (r − q)·ln(r / q), with q the reference's and r the recent sample's share
/// of each bin. Not in River; the index of credit scoring. Siddiqi (2006); Yurdakul (2018).
/// </summary>
/// <remarks>
/// <para>
/// Edges are NumPy's <c>np.quantile(reference, [1/bins, …, (bins−1)/bins])</c> (linear interpolation between order
/// statistics), and a value falls in the bin NumPy's <c>np.searchsorted(edges, value, side="left")</c> names: bin
/// <c>i</c> holds the values in (edge[i−1], edge[i]]. Tied edges (a reference with few distinct values) leave bins empty
/// on both sides, which add nothing to the index.
/// </para>
/// <para>
/// An empty bin's share would make the logarithm infinite: shares below <see cref="Epsilon"/> count as
/// <see cref="Epsilon"/>, the usual smoothing. The customary reading: below 0.1 no shift, 0.1–0.25 a moderate one,
/// above 0.25 a significant one.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// double[] edges = PopulationStability.QuantileEdges([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], bins: 2); // [5.5]
/// int[] reference = [5, 5];
/// int[] recent = [2, 8];
/// PopulationStability.Index(reference, recent); // (0.2 − 0.5)·ln 0.4 + (0.8 − 0.5)·ln 1.6 ≈ 0.4159
/// </code>
/// </example>
public static class PopulationStability
{
    /// <summary>The smallest share a bin counts with.</summary>
    public const double Epsilon = 1e-4;

    /// <summary>The <paramref name="bins"/> − 1 interior quantile edges of <paramref name="reference"/>, ascending.</summary>
    public static double[] QuantileEdges(ReadOnlySpan<double> reference, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        if (reference.IsEmpty)
        {
            throw new ArgumentException("The reference sample is empty.", nameof(reference));
        }

        double[] sorted = reference.ToArray();
        Array.Sort(sorted);
        int last = sorted.Length - 1;
        var edges = new double[bins - 1];
        for (int k = 1; k < bins; k++)
        {
            // NumPy's "linear" method: the virtual index (n − 1)·p, interpolated between its neighbours.
            double position = last * ((double)k / bins);
            int below = (int)Math.Floor(position);
            int above = Math.Min(below + 1, last);
            double fraction = position - below;
            edges[k - 1] = sorted[below] + (fraction * (sorted[above] - sorted[below]));
        }

        return edges;
    }

    /// <summary>The bin of <paramref name="value"/>: how many <paramref name="edges"/> are strictly below it.</summary>
    public static int Bin(ReadOnlySpan<double> edges, double value)
    {
        int low = 0;
        int high = edges.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (edges[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The index between two histograms over the same bins (counts; each sample's total must be positive).</summary>
    public static double Index(ReadOnlySpan<int> reference, ReadOnlySpan<int> recent)
    {
        if (reference.Length != recent.Length)
        {
            throw new ArgumentException("Both histograms need the same bins.", nameof(recent));
        }

        long referenceTotal = 0;
        long recentTotal = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(reference[i], nameof(reference));
            ArgumentOutOfRangeException.ThrowIfNegative(recent[i], nameof(recent));
            referenceTotal += reference[i];
            recentTotal += recent[i];
        }

        if (referenceTotal == 0 || recentTotal == 0)
        {
            throw new ArgumentException("A histogram is empty.", referenceTotal == 0 ? nameof(reference) : nameof(recent));
        }

        double psi = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            double q = Math.Max((double)reference[i] / referenceTotal, Epsilon);
            double r = Math.Max((double)recent[i] / recentTotal, Epsilon);
            psi += (r - q) * Math.Log(r / q);
        }

        return psi;
    }
}
