namespace Eddy.Drift;

/// <summary>
/// ADWIN's exponential histogram (River's <c>Bucket</c> deque): row <c>r</c> holds up to <c>maxBuckets</c> + 1
/// summaries (total, variance) of 2^r values each, oldest first. Rows popped off the end keep their arrays for
/// reuse, so a detector in steady state never allocates.
/// </summary>
internal sealed class AdwinBuckets
{
    private readonly int _capacity;
    private double[][] _totals = [];
    private double[][] _variances = [];
    private int[] _counts = [];

    public AdwinBuckets(int maxBuckets)
    {
        _capacity = maxBuckets + 1;
        Clear();
    }

    public int RowCount { get; private set; }

    public int Count(int row) => _counts[row];

    public double Total(int row, int k) => _totals[row][k];

    public double Variance(int row, int k) => _variances[row][k];

    /// <summary>Leaves one empty row, as River's fresh <c>deque([Bucket()])</c>.</summary>
    public void Clear()
    {
        RowCount = 0;
        AddRow();
    }

    /// <summary>Appends an empty row (reusing a popped one's arrays when there is one) and returns its index.</summary>
    public int AddRow()
    {
        if (RowCount == _counts.Length)
        {
            int size = Math.Max(8, _counts.Length * 2);
            Array.Resize(ref _totals, size);
            Array.Resize(ref _variances, size);
            Array.Resize(ref _counts, size);
        }

        _totals[RowCount] ??= new double[_capacity];
        _variances[RowCount] ??= new double[_capacity];
        _counts[RowCount] = 0;
        return RowCount++;
    }

    public void PopRow() => RowCount--;

    public void Insert(int row, double total, double variance)
    {
        int k = _counts[row];
        _totals[row][k] = total;
        _variances[row][k] = variance;
        _counts[row] = k + 1;
    }

    /// <summary>Drops the oldest <paramref name="n"/> summaries of a row (River's <c>Bucket.compress</c>).</summary>
    public void RemoveOldest(int row, int n)
    {
        int remaining = _counts[row] - n;
        double[] totals = _totals[row];
        double[] variances = _variances[row];
        Array.Copy(totals, n, totals, 0, remaining);
        Array.Copy(variances, n, variances, 0, remaining);
        Array.Clear(totals, remaining, n);
        Array.Clear(variances, remaining, n);
        _counts[row] = remaining;
    }
}
