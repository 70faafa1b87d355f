using Eddy.Base;

namespace Eddy.Datasets;

/// <summary>
/// An in-memory stream of examples with River's typing: named features (numbers, categories or timestamps),
/// a target per row, in file order. Loaded once, then replayed allocation-free into a <see cref="FeatureVector"/>.
/// </summary>
/// <remarks>
/// Features are numbers or categories in Eddy, so a timestamp column (River yields a <c>datetime</c>) is fed as
/// seconds since the Unix epoch; its <see cref="DateTime"/> value stays available through <see cref="DateTimeAt"/>.
/// A missing cell (empty in the file) makes the feature absent from that example, as a missing dict key.
/// </remarks>
public sealed class Dataset
{
    private readonly double[][] _numbers;
    private readonly string?[][] _categories;
    private readonly bool[][] _present;
    private readonly Label[] _targets;
    private readonly double[][]? _multiTargets;

    public Dataset(
        string name,
        TaskKind task,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<ColumnKind> featureKinds,
        double[][] numbers,
        string?[][] categories,
        bool[][] present,
        Label[] targets,
        IReadOnlyList<string> targetNames,
        double[][]? multiTargets = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(featureKinds);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(targets);
        if (featureNames.Count != featureKinds.Count || numbers.Length != targets.Length
            || categories.Length != targets.Length || present.Length != targets.Length)
        {
            throw new ArgumentException("Dataset columns and rows are inconsistent.");
        }

        Name = name;
        Task = task;
        FeatureNames = featureNames;
        FeatureKinds = featureKinds;
        TargetNames = targetNames;
        _numbers = numbers;
        _categories = categories;
        _present = present;
        _targets = targets;
        _multiTargets = multiTargets;
    }

    public string Name { get; }

    public TaskKind Task { get; }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<ColumnKind> FeatureKinds { get; }

    public IReadOnlyList<string> TargetNames { get; }

    public int Count => _targets.Length;

    public Label Target(int row) => _targets[row];

    /// <summary>All targets of a multi-output row (SolarFlare), in <see cref="TargetNames"/> order.</summary>
    public ReadOnlySpan<double> Targets(int row) =>
        _multiTargets is null ? throw new InvalidOperationException($"{Name} has a single target.") : _multiTargets[row];

    public bool IsPresent(int row, int feature) => _present[row][feature];

    public double NumberAt(int row, int feature) => _numbers[row][feature];

    public string? CategoryAt(int row, int feature) => _categories[row][feature];

    public DateTime DateTimeAt(int row, int feature) =>
        FeatureKinds[feature] == ColumnKind.DateTime
            ? DateTime.UnixEpoch.AddSeconds(_numbers[row][feature])
            : throw new InvalidOperationException($"{FeatureNames[feature]} is not a timestamp.");

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> as a dataset of their own (rows are shared, not copied).</summary>
    public Dataset Slice(int start, int count, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        Range rows = start..(start + count);
        return new Dataset(
            name ?? Name, Task, FeatureNames, FeatureKinds, _numbers[rows], _categories[rows], _present[rows], _targets[rows], TargetNames, _multiTargets?[rows]);
    }

    /// <summary>Writes row <paramref name="row"/>'s features into <paramref name="x"/> (cleared first), in column order.</summary>
    public void Fill(int row, FeatureVector x)
    {
        ArgumentNullException.ThrowIfNull(x);
        x.Clear();
        double[] numbers = _numbers[row];
        string?[] categories = _categories[row];
        bool[] present = _present[row];
        for (int j = 0; j < numbers.Length; j++)
        {
            if (!present[j])
            {
                continue;
            }

            if (FeatureKinds[j] == ColumnKind.Category)
            {
                x.SetCategorical(FeatureNames[j], categories[j]!);
            }
            else
            {
                x.Set(FeatureNames[j], numbers[j]);
            }
        }
    }
}
