using Eddy.Base;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Anomaly;

/// <summary>
/// The trees of <see cref="HalfSpaceTrees"/>, complete binary trees stored heap-wise (children of <c>i</c> at
/// <c>2i+1</c>, <c>2i+2</c>) in flat arrays: split feature and threshold, latest mass (River's <c>l_mass</c>) and
/// reference mass (<c>r_mass</c>) per node.
/// </summary>
internal sealed class HalfSpaceForest
{
    private const int Leaf = -1;

    private readonly int _nTrees;
    private readonly int _height;
    private readonly int _nodesPerTree;
    private readonly int[] _features;
    private readonly double[] _thresholds;
    private readonly int[] _latest;
    private readonly int[] _reference;

    private HalfSpaceForest(int nTrees, int height)
    {
        _nTrees = nTrees;
        _height = height;
        _nodesPerTree = (1 << (height + 1)) - 1;
        int size = nTrees * _nodesPerTree;
        _features = new int[size];
        _thresholds = new double[size];
        _latest = new int[size];
        _reference = new int[size];
    }

    /// <summary>
    /// River's <c>make_padded_tree</c> for each tree in turn, over the features of <paramref name="x"/> in order,
    /// drawing from <paramref name="rng"/> in River's order (pre-order: a node, then its left subtree, then its right).
    /// </summary>
    public static HalfSpaceForest Build(
        FeatureVector x, int nTrees, int height, double padding, PythonRandom rng, Func<string, (double Low, double High)> limitsOf)
    {
        var features = new List<int>(x.Count);
        var lows = new List<double>(x.Count);
        var highs = new List<double>(x.Count);
        for (int i = 0; i < x.Count; i++)
        {
            // A transient feature has no stable index to split on later.
            if (x.IndexAt(i) >= 0)
            {
                (double low, double high) = limitsOf(x.NameOf(x.IndexAt(i)));
                features.Add(x.IndexAt(i));
                lows.Add(low);
                highs.Add(high);
            }
        }

        if (height > 0 && (features.Count == 0 || Total(lows, highs) <= 0))
        {
            throw new InvalidFeatureException(
                x.Count > 0 ? x.NameOf(x.IndexAt(0)) : "(none)",
                "HalfSpaceTrees builds its trees from the first example's features, which need a positive total range.");
        }

        var forest = new HalfSpaceForest(nTrees, height);
        var builder = new Builder(forest, [.. features], [.. lows], [.. highs], padding, rng);
        for (int t = 0; t < nTrees; t++)
        {
            builder.Grow(t * forest._nodesPerTree, 0, 0);
        }

        return forest;
    }

    /// <summary>River's <c>learn_one</c> walk: every node on the path gains one latest mass.</summary>
    public void AddLatest(FeatureVector x)
    {
        for (int t = 0; t < _nTrees; t++)
        {
            int root = t * _nodesPerTree;
            int node = 0;
            while (true)
            {
                _latest[root + node]++;
                if (_features[root + node] == Leaf)
                {
                    break;
                }

                node = Next(root, node, x);
            }
        }
    }

    /// <summary>End of a window: latest masses become the reference masses and restart from 0.</summary>
    public void Pivot()
    {
        _latest.CopyTo(_reference, 0);
        Array.Clear(_latest);
    }

    /// <summary>River's raw score: Σ over trees of reference mass · 2^depth down the path, stopping below the size limit.</summary>
    public double ReferenceScore(FeatureVector x, double sizeLimit)
    {
        double score = 0.0;
        for (int t = 0; t < _nTrees; t++)
        {
            int root = t * _nodesPerTree;
            int node = 0;
            for (int depth = 0; ; depth++)
            {
                int mass = _reference[root + node];
                score += (double)((long)mass << depth);
                if (mass < sizeLimit || _features[root + node] == Leaf)
                {
                    break;
                }

                node = Next(root, node, x);
            }
        }

        return score;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteInt32s(_features);
        writer.WriteDoubles(_thresholds);
        writer.WriteInt32s(_latest);
        writer.WriteInt32s(_reference);
    }

    public static HalfSpaceForest Read(StateReader reader, int nTrees, int height)
    {
        var forest = new HalfSpaceForest(nTrees, height);
        int[] features = reader.ReadInt32s();
        double[] thresholds = reader.ReadDoubles();
        int[] latest = reader.ReadInt32s();
        int[] reference = reader.ReadInt32s();
        int size = forest._features.Length;
        StateReader.Require(
            features.Length == size && thresholds.Length == size && latest.Length == size && reference.Length == size,
            "The trees do not have the declared shape.");
        int firstLeaf = (1 << height) - 1;
        for (int i = 0; i < size; i++)
        {
            bool leaf = i % forest._nodesPerTree >= firstLeaf;
            StateReader.Require(leaf ? features[i] == Leaf : features[i] >= 0, "A tree node has an invalid split feature.");
            StateReader.Require(double.IsFinite(thresholds[i]) && latest[i] >= 0 && reference[i] >= 0, "A tree node has an invalid threshold or mass.");
        }

        features.CopyTo(forest._features, 0);
        thresholds.CopyTo(forest._thresholds, 0);
        latest.CopyTo(forest._latest, 0);
        reference.CopyTo(forest._reference, 0);
        return forest;
    }

    private static double Total(List<double> lows, List<double> highs)
    {
        double total = 0.0;
        for (int i = 0; i < lows.Count; i++)
        {
            total += highs[i] - lows[i];
        }

        return total;
    }

    /// <summary>River's <c>HSTBranch.next</c>: left below the threshold; a missing feature follows the child with more latest mass.</summary>
    private int Next(int root, int node, FeatureVector x)
    {
        int left = (2 * node) + 1;
        int position = x.PositionOf(_features[root + node]);
        if (position < 0)
        {
            return _latest[root + left] < _latest[root + left + 1] ? left + 1 : left;
        }

        return x.ValueAt(position) < _thresholds[root + node] ? left : left + 1;
    }

    private sealed class Builder(HalfSpaceForest forest, int[] features, double[] lows, double[] highs, double padding, PythonRandom rng)
    {
        private readonly double[] _cumulative = new double[features.Length];

        public void Grow(int root, int node, int depth)
        {
            int id = root + node;
            if (depth == forest._height)
            {
                forest._features[id] = Leaf;
                return;
            }

            int on = Choose();
            double a = lows[on];
            double b = highs[on];
            double at = rng.Uniform(a + (padding * (b - a)), b - (padding * (b - a)));
            forest._features[id] = features[on];
            forest._thresholds[id] = at;

            double high = highs[on];
            highs[on] = at;
            Grow(root, (2 * node) + 1, depth + 1);
            highs[on] = high;

            double low = lows[on];
            lows[on] = at;
            Grow(root, (2 * node) + 2, depth + 1);
            lows[on] = low;
        }

        /// <summary>Python's <c>choices(population, weights)[0]</c>: cumulative weights, <c>bisect_right</c> of random()·total.</summary>
        private int Choose()
        {
            double sum = 0.0;
            for (int i = 0; i < features.Length; i++)
            {
                sum += highs[i] - lows[i];
                _cumulative[i] = sum;
            }

            double target = rng.NextDouble() * _cumulative[^1];
            int lo = 0;
            int hi = features.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (target < _cumulative[mid])
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }
}
