using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River's <c>ConfusionMatrix</c> restricted to the keys a <c>BinaryMetric</c> gives it: <c>y == pos_val</c> for
/// the truth and the prediction. Cells, row sums, column sums and the total are accumulated separately, as River
/// accumulates them, so weighted counts and the derived false positives/negatives match River's bits.
/// </summary>
internal sealed class BinaryConfusion
{
    // Index 0 = False, 1 = True; _data[truth * 2 + predicted].
    private readonly double[] _data = new double[4];
    private readonly double[] _sumRow = new double[2];
    private readonly double[] _sumCol = new double[2];
    private double _totalWeight;

    public void Update(bool truth, bool predicted, double w)
    {
        int t = truth ? 1 : 0;
        int p = predicted ? 1 : 0;
        _data[(t * 2) + p] += w;
        _totalWeight += w;
        _sumRow[t] += w;
        _sumCol[p] += w;
    }

    public double TruePositives => _data[3];

    public double FalsePositives => _sumCol[1] - _data[3];

    public double FalseNegatives => _sumRow[1] - _data[3];

    /// <summary>River's <c>true_negatives</c>: the diagonal summed over the classes present, minus the positive cell.</summary>
    public double TrueNegatives
    {
        get
        {
            // Python iterates the set {False, True} in hash order, False first, starting its sum at 0.
            double total = 0;
            if (_sumRow[0] != 0 || _sumCol[0] != 0)
            {
                total += _data[0];
            }

            if (_sumRow[1] != 0 || _sumCol[1] != 0)
            {
                total += _data[3];
            }

            return total - _data[3];
        }
    }

    public void Write(StateWriter writer)
    {
        writer.WriteDoubles(_data);
        writer.WriteDoubles(_sumRow);
        writer.WriteDoubles(_sumCol);
        writer.WriteDouble(_totalWeight);
    }

    /// <summary>Reads into a new instance so callers can validate everything before committing.</summary>
    public static BinaryConfusion Read(StateReader reader)
    {
        double[] data = reader.ReadDoubles();
        double[] sumRow = reader.ReadDoubles();
        double[] sumCol = reader.ReadDoubles();
        double total = reader.ReadDouble();
        StateReader.Require(data.Length == 4 && sumRow.Length == 2 && sumCol.Length == 2, "A binary confusion matrix has the wrong shape.");
        var result = new BinaryConfusion();
        data.CopyTo(result._data, 0);
        sumRow.CopyTo(result._sumRow, 0);
        sumCol.CopyTo(result._sumCol, 0);
        result._totalWeight = total;
        return result;
    }

    public void CopyFrom(BinaryConfusion other)
    {
        other._data.CopyTo(_data, 0);
        other._sumRow.CopyTo(_sumRow, 0);
        other._sumCol.CopyTo(_sumCol, 0);
        _totalWeight = other._totalWeight;
    }
}
