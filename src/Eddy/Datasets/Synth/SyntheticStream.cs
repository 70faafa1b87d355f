using System.Security.Cryptography;
using Eddy.Base;

namespace Eddy.Datasets.Synth;

/// <summary>
/// River: <c>datasets.base.SyntheticDataset</c>. A seeded generator of examples, produced one at a time into a
/// reused buffer, so streaming a generator into a model allocates nothing per example.
/// </summary>
/// <remarks>
/// <para>Features are named as River's dict keys (<c>"salary"</c>, or <c>"0"</c>, <c>"1"</c>… for integer keys) and
/// come in River's insertion order. Values River yields as Python ints (Agrawal's <c>elevel</c>, LED's segments) are
/// numbers here too, as they are to River's models.</para>
/// <para>A generator owns its random state. River re-seeds on every <c>iter()</c>; here <see cref="Restart"/> does,
/// and <see cref="Take"/> and <see cref="Samples"/> restart first, as River's <c>take</c> iterates afresh. A null seed
/// (River's <c>None</c>) draws one seed at construction and keeps it, so restarting replays the same stream.</para>
/// </remarks>
public abstract class SyntheticStream
{
    private readonly string[] _featureNames;
    private readonly double[] _buffer;

    protected SyntheticStream(string name, TaskKind task, int nClasses, string[] featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        Name = name;
        Task = task;
        NClasses = nClasses;
        _featureNames = featureNames;
        _buffer = new double[featureNames.Length];
    }

    /// <summary>River's class name (<c>"Agrawal"</c>), also the name of <see cref="Take"/>'s dataset.</summary>
    public string Name { get; }

    public TaskKind Task { get; }

    /// <summary>Number of classes, River's <c>n_classes</c>.</summary>
    public int NClasses { get; }

    /// <summary>Feature names in the order every example lists them.</summary>
    public IReadOnlyList<string> FeatureNames => _featureNames;

    public int NFeatures => _featureNames.Length;

    /// <summary>Back to the first example of the seed, as River's <c>iter(dataset)</c>.</summary>
    public abstract void Restart();

    /// <summary>
    /// Writes the next example's features into <paramref name="values"/> (length <see cref="NFeatures"/>, in
    /// <see cref="FeatureNames"/> order). False when a bounded stream is exhausted.
    /// </summary>
    public bool Next(Span<double> values, out Label y)
    {
        if (values.Length != _featureNames.Length)
        {
            throw new ArgumentException($"{Name} has {_featureNames.Length} features, not {values.Length}.", nameof(values));
        }

        return Generate(values, out y);
    }

    /// <summary>Writes the next example into <paramref name="x"/> (cleared first), interning names as its mode says.</summary>
    public bool Next(FeatureVector x, out Label y)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.Clear();
        if (!Generate(_buffer, out y))
        {
            return false;
        }

        for (int j = 0; j < _featureNames.Length; j++)
        {
            x.Add(x.Resolve(_featureNames[j]), _buffer[j]);
        }

        return true;
    }

    /// <summary>River's <c>take(count)</c>: the first examples of the seed as name → value maps, for tests and printing.</summary>
    public IEnumerable<(IReadOnlyDictionary<string, double> X, Label Y)> Samples(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Restart();
        for (int i = 0; i < count; i++)
        {
            var values = new double[_featureNames.Length];
            if (!Generate(values, out Label y))
            {
                yield break;
            }

            var x = new Dictionary<string, double>(_featureNames.Length, StringComparer.Ordinal);
            for (int j = 0; j < values.Length; j++)
            {
                x.Add(_featureNames[j], values[j]);
            }

            yield return (x, y);
        }
    }

    /// <summary>The first <paramref name="count"/> examples of the seed as an in-memory dataset (fewer if the stream ends).</summary>
    public Dataset Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Restart();
        var rows = new List<double[]>(count);
        var targets = new List<Label>(count);
        for (int i = 0; i < count; i++)
        {
            var values = new double[_featureNames.Length];
            if (!Generate(values, out Label y))
            {
                break;
            }

            rows.Add(values);
            targets.Add(y);
        }

        // Every row has every feature and no category: one shared row of each serves them all.
        var present = new bool[_featureNames.Length];
        Array.Fill(present, true);
        var noCategories = new string?[_featureNames.Length];
        var presentRows = new bool[rows.Count][];
        var categoryRows = new string?[rows.Count][];
        Array.Fill(presentRows, present);
        Array.Fill(categoryRows, noCategories);
        var kinds = new ColumnKind[_featureNames.Length];
        return new Dataset(Name, Task, _featureNames, kinds, [.. rows], categoryRows, presentRows, [.. targets], ["y"]);
    }

    /// <summary>The example itself: features in <see cref="FeatureNames"/> order into <paramref name="values"/>.</summary>
    protected abstract bool Generate(Span<double> values, out Label y);

    /// <summary>River's <c>seed=None</c>: one seed drawn from the operating system, then kept.</summary>
    protected static long ResolveSeed(long? seed) =>
        seed ?? (BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long))) & long.MaxValue);

    /// <summary>Validates a probability-like parameter in [0, 1] (NaN rejected).</summary>
    protected static double RequireUnit(double value, string name) =>
        value is >= 0.0 and <= 1.0 ? value : throw new ArgumentOutOfRangeException(name, value, "Valid range is [0.0, 1.0].");

    /// <summary>Names <c>"0"</c>, <c>"1"</c>… for River's integer dict keys.</summary>
    protected static string[] IndexNames(int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return names;
    }
}
