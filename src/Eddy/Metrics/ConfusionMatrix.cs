using System.Globalization;
using System.Text;
using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River: <c>metrics.ConfusionMatrix</c>. Rows are true classes, columns predicted classes; cells, row sums, column
/// sums and the total weight are accumulated separately, as River does. Classes are interned in the order first
/// seen; a class whose row and column sums are both zero (after reverts) is not among <see cref="Classes"/>.
/// </summary>
/// <remarks>
/// River sums over a Python set of classes, whose order depends on hashing; Eddy sums in first-seen order, so
/// multi-class averages can differ from River's in the last bit.
/// </remarks>
public sealed class ConfusionMatrix : ClassificationMetric
{
    private const byte StateVersion = 1;

    private ClassTable _classes = new();
    private double[] _data = [];
    private double[] _sumRow = [];
    private double[] _sumCol = [];
    private int _capacity;
    private double _totalWeight;
    private long _sampleCount;

    public override string Name => "ConfusionMatrix";

    /// <summary>The total weight counted (a confusion matrix has no single score).</summary>
    public override double Value => _totalWeight;

    public override bool BiggerIsBetter => true;

    public double TotalWeight => _totalWeight;

    /// <summary>Updates minus reverts (River's <c>n_samples</c>, which ignores weights).</summary>
    public long SampleCount => _sampleCount;

    /// <summary>Number of classes ever seen (the dense indices 0 … n−1).</summary>
    internal int ClassCount => _classes.Count;

    internal Label ClassAt(int index) => _classes[index];

    /// <summary>River's <c>classes</c>: those with a non-zero row or column sum.</summary>
    public IReadOnlyList<Label> Classes
    {
        get
        {
            var result = new List<Label>();
            for (int c = 0; c < _classes.Count; c++)
            {
                if (IsPresent(c))
                {
                    result.Add(_classes[c]);
                }
            }

            return result;
        }
    }

    public double this[Label yTrue, Label yPred] =>
        _classes.TryGetIndex(yTrue, out int t) && _classes.TryGetIndex(yPred, out int p) ? Cell(t, p) : 0.0;

    public double SumRow(Label label) => _classes.TryGetIndex(label, out int c) ? _sumRow[c] : 0.0;

    public double SumCol(Label label) => _classes.TryGetIndex(label, out int c) ? _sumCol[c] : 0.0;

    public double TruePositives(Label label) => this[label, label];

    public double FalsePositives(Label label) => SumCol(label) - TruePositives(label);

    public double FalseNegatives(Label label) => SumRow(label) - TruePositives(label);

    /// <summary>River's definition: the other classes' diagonal, <c>total_true_positives − tp</c>.</summary>
    public double TrueNegatives(Label label) => TotalTruePositives - TruePositives(label);

    public double TotalTruePositives
    {
        get
        {
            double total = 0;
            for (int c = 0; c < _classes.Count; c++)
            {
                if (IsPresent(c))
                {
                    total += Cell(c, c);
                }
            }

            return total;
        }
    }

    public override void Update(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => Apply(yTrue, yPred.Label, w, 1);

    public override void Revert(Label yTrue, ClassificationPrediction yPred, double w = 1.0) => Apply(yTrue, yPred.Label, -w, -1);

    internal bool IsPresent(int c) => _sumRow[c] != 0 || _sumCol[c] != 0;

    internal double Cell(int t, int p) => _data[(t * _capacity) + p];

    internal double RowSum(int c) => _sumRow[c];

    internal double ColSum(int c) => _sumCol[c];

    public override Metric CloneFresh() => new ConfusionMatrix();

    public override void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHeader(nameof(ConfusionMatrix), StateVersion);
        _classes.WriteState(writer);
        int n = _classes.Count;
        for (int t = 0; t < n; t++)
        {
            for (int p = 0; p < n; p++)
            {
                writer.WriteDouble(Cell(t, p));
            }
        }

        writer.WriteDoubles(_sumRow.AsSpan(0, n));
        writer.WriteDoubles(_sumCol.AsSpan(0, n));
        writer.WriteDouble(_totalWeight);
        writer.WriteInt64(_sampleCount);
    }

    public override void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadHeader(nameof(ConfusionMatrix), StateVersion);
        ClassTable classes = ClassTable.Read(reader);
        int n = classes.Count;
        var data = new double[n * n];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = reader.ReadDouble();
        }

        double[] sumRow = reader.ReadDoubles();
        double[] sumCol = reader.ReadDoubles();
        double totalWeight = reader.ReadDouble();
        long sampleCount = reader.ReadInt64();
        StateReader.Require(sumRow.Length == n && sumCol.Length == n, "Confusion matrix sums do not match its classes.");

        _classes = classes;
        _data = data;
        _sumRow = sumRow;
        _sumCol = sumCol;
        _capacity = n;
        _totalWeight = totalWeight;
        _sampleCount = sampleCount;
    }

    /// <summary>River's table: sorted classes, true classes as rows, counts as integers.</summary>
    public string ToTable()
    {
        var present = new List<(string Text, int Index)>();
        for (int c = 0; c < _classes.Count; c++)
        {
            if (IsPresent(c))
            {
                present.Add((_classes[c].ToString(), c));
            }
        }

        present.Sort((a, b) => string.CompareOrdinal(a.Text, b.Text));
        int width = 1;
        foreach ((string text, _) in present)
        {
            width = Math.Max(width, text.Length);
        }

        var builder = new StringBuilder();
        builder.Append(' ', width);
        foreach ((string text, _) in present)
        {
            builder.Append("  ").Append(text.PadLeft(width));
        }

        foreach ((string rowText, int row) in present)
        {
            builder.AppendLine().Append(rowText.PadLeft(width));
            foreach ((_, int col) in present)
            {
                string count = ((long)Cell(row, col)).ToString("N0", CultureInfo.InvariantCulture);
                builder.Append("  ").Append(count.PadLeft(width));
            }
        }

        return builder.ToString();
    }

    private void Apply(Label yTrue, Label yPred, double w, int samples)
    {
        if (yTrue.IsNone || yPred.IsNone)
        {
            throw new InvalidLabelException("A confusion matrix needs both the true and the predicted class.");
        }

        if (!double.IsFinite(w))
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, "The weight must be finite.");
        }

        int t = Intern(yTrue);
        int p = Intern(yPred);
        _data[(t * _capacity) + p] += w;
        _totalWeight += w;
        _sumRow[t] += w;
        _sumCol[p] += w;
        _sampleCount += samples;
    }

    private int Intern(Label label)
    {
        int index = _classes.Intern(label);
        if (index >= _capacity)
        {
            Grow(Math.Max(4, _capacity * 2));
        }

        return index;
    }

    private void Grow(int capacity)
    {
        var data = new double[capacity * capacity];
        for (int t = 0; t < _capacity; t++)
        {
            Array.Copy(_data, t * _capacity, data, t * capacity, _capacity);
        }

        Array.Resize(ref _sumRow, capacity);
        Array.Resize(ref _sumCol, capacity);
        _data = data;
        _capacity = capacity;
    }
}
