using System.Globalization;
using Eddy.Base;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseSRPEnsemble._generate_subspaces</c> and <c>random_subspace</c>: how many features a member sees and
/// which. A subspace is a list of schema indices in River's dict order, which the member's model then sees in that
/// order (a Hoeffding tree breaks merit ties by feature order).
/// </summary>
internal static class SRPSubspaces
{
    public const string Sqrt = "sqrt";
    public const string RmSqrt = "rmsqrt";

    /// <summary>River accepts an int above 2, a float in (0, 1], "sqrt" or "rmsqrt" (it checks on the first example).</summary>
    public static void Validate(string subspaceSize, string paramName)
    {
        ArgumentNullException.ThrowIfNull(subspaceSize, paramName);
        if (subspaceSize is Sqrt or RmSqrt)
        {
            return;
        }

        if (int.TryParse(subspaceSize, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count))
        {
            if (count > 2)
            {
                return;
            }
        }
        else if (double.TryParse(subspaceSize, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) && fraction > 0 && fraction <= 1)
        {
            return;
        }

        throw new ArgumentOutOfRangeException(paramName, subspaceSize, "Valid options: an int above 2, a float in (0, 1], sqrt or rmsqrt.");
    }

    /// <summary>River's step 1, k before the negative and low-dimension adjustments.</summary>
    public static int Size(string subspaceSize, int nFeatures)
    {
        double root = Math.Round(Math.Sqrt(nFeatures), MidpointRounding.ToEven);
        if (subspaceSize == Sqrt)
        {
            return (int)root + 1;
        }

        if (subspaceSize == RmSqrt)
        {
            return nFeatures - (int)root + 1;
        }

        if (int.TryParse(subspaceSize, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count))
        {
            return count;
        }

        double percent = double.Parse(subspaceSize, NumberStyles.Float, CultureInfo.InvariantCulture);
        int k = (int)Math.Round(nFeatures * percent, MidpointRounding.ToEven);
        return k < 2 ? k + 1 : k;
    }

    /// <summary>
    /// <c>itertools.cycle(itertools.combinations(features, k))</c>, first <paramref name="count"/> items: low
    /// dimensions get distinct subspaces, in lexicographic order of positions.
    /// </summary>
    public static int[][] Combinations(FeatureVector x, int k, int count)
    {
        int n = x.Count;
        int[] positions = new int[k];
        var subspaces = new int[count][];
        for (int s = 0; s < count; s++)
        {
            if (s == 0 || !Advance(positions, n))
            {
                for (int i = 0; i < k; i++)
                {
                    positions[i] = i;
                }
            }

            int[] subspace = new int[k];
            for (int i = 0; i < k; i++)
            {
                subspace[i] = x.IndexAt(positions[i]);
            }

            subspaces[s] = subspace;
        }

        return subspaces;
    }

    /// <summary><c>rng.sample(list(x.keys()), k)</c>, at most every feature (River raises there).</summary>
    public static int[] Draw(FeatureVector x, int k, PythonRandom rng)
    {
        int n = x.Count;
        int[] picks = new int[Math.Min(k, n)];
        rng.Sample(n, picks);
        for (int i = 0; i < picks.Length; i++)
        {
            picks[i] = x.IndexAt(picks[i]);
        }

        return picks;
    }

    /// <summary>
    /// <c>{k: x[k] for k in features if k in x}</c>: a rented vector holding the subspace's features in its order,
    /// or <paramref name="x"/> itself when the member sees every feature. Give it back with <see cref="Release"/>.
    /// </summary>
    public static FeatureVector Select(FeatureVector x, int[]? features)
    {
        if (features is null)
        {
            return x;
        }

        FeatureVector subset = ScratchPool.RentVector(x.Schema, x.Interning);
        foreach (int feature in features)
        {
            int position = x.PositionOf(feature);
            if (position >= 0)
            {
                subset.AppendFrom(x, position);
            }
        }

        return subset;
    }

    public static void Release(FeatureVector x, FeatureVector subset)
    {
        if (!ReferenceEquals(x, subset))
        {
            ScratchPool.Return(subset);
        }
    }

    private static bool Advance(int[] positions, int n)
    {
        int k = positions.Length;
        int i = k - 1;
        while (i >= 0 && positions[i] == i + n - k)
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        positions[i]++;
        for (int j = i + 1; j < k; j++)
        {
            positions[j] = positions[j - 1] + 1;
        }

        return true;
    }
}
