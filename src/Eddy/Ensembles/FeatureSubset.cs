using Eddy.Base;
using Eddy.Serialization;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>
/// River's <c>BaseRandomLeaf._iter_features</c>: on a leaf's first update it draws <c>max_features</c> of the
/// example's features, <c>rng.sample(sorted(x.keys()), k=max_features)</c> (all of them, undrawn, when there are
/// fewer), and from then on watches only those, in the order drawn.
/// </summary>
internal sealed class FeatureSubset
{
    private readonly int _maxFeatures;
    private readonly PythonRandom _rng;
    private int[] _features = [];

    public FeatureSubset(int maxFeatures, PythonRandom rng)
    {
        _maxFeatures = maxFeatures;
        _rng = rng;
    }

    public int Count(FeatureVector x)
    {
        if (_features.Length == 0)
        {
            _features = Draw(x);
        }

        return _features.Length;
    }

    public int PositionAt(FeatureVector x, int k) => x.PositionOf(_features[k]);

    public long EstimateBytes() => 24 + (4L * _features.Length);

    public void WriteState(StateWriter writer) => writer.WriteInt32s(_features);

    public void ReadState(StateReader reader)
    {
        int[] features = reader.ReadInt32s();
        foreach (int feature in features)
        {
            StateReader.Require(feature >= 0, "A leaf's feature subset holds a negative feature.");
        }

        _features = features;
    }

    private int[] Draw(FeatureVector x)
    {
        int n = x.Count;
        int[] sorted = new int[n];
        string[] names = new string[n];
        for (int i = 0; i < n; i++)
        {
            sorted[i] = x.IndexAt(i);
            names[i] = x.NameOf(sorted[i]);
        }

        // Names are distinct, so sorting by them is Python's sorted(x.keys()) whatever the sort's stability.
        Array.Sort(names, sorted, StringComparer.Ordinal);
        if (n < _maxFeatures)
        {
            return sorted;
        }

        Span<int> picks = _maxFeatures <= 128 ? stackalloc int[_maxFeatures] : new int[_maxFeatures];
        _rng.Sample(n, picks);
        int[] drawn = new int[_maxFeatures];
        for (int i = 0; i < drawn.Length; i++)
        {
            drawn[i] = sorted[picks[i]];
        }

        return drawn;
    }
}
