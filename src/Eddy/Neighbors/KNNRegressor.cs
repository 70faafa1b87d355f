using System.Globalization;
using Eddy.Base;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Neighbors;

/// <summary>
/// River: <c>neighbors.KNNRegressor</c> (0.12.1). Keeps the last <c>window_size</c> examples and predicts by
/// aggregating the targets of the <c>n_neighbors</c> nearest ones under the Minkowski metric. Cover and Hart (1967).
/// </summary>
/// <remarks>
/// Before anything is learned the prediction is 0; when the nearest example is at distance 0 its target is returned
/// as is. Distances are River 0.12.1's: the Minkowski sum without the root (see <see cref="NeighborWindow"/>).
/// </remarks>
public sealed class KNNRegressor : Regressor
{
    private const byte StateVersion = 1;
    private const int StackLimit = 64;

    private NeighborWindow _window;

    /// <param name="nNeighbors">How many neighbours vote (default 5).</param>
    /// <param name="windowSize">How many recent examples are kept (default 1000).</param>
    /// <param name="aggregationMethod">How the neighbours' targets combine (default mean).</param>
    /// <param name="minDistanceKeep">
    /// River's rule, kept as written: 0 (default) stores every example; otherwise an example is stored only when the
    /// window is empty or its nearest stored example is closer than this.
    /// </param>
    /// <param name="p">The Minkowski exponent: 1 Manhattan, 2 Euclidean (default); at least 1.</param>
    public KNNRegressor(
        int nNeighbors = 5, int windowSize = 1000, KNNAggregation aggregationMethod = KNNAggregation.Mean, double minDistanceKeep = 0.0, double p = 2.0)
    {
        NeighborSettings.Validate(nNeighbors, windowSize, minDistanceKeep, p);
        if (!Enum.IsDefined(aggregationMethod))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregationMethod), aggregationMethod, "Must be Mean, Median or WeightedMean.");
        }

        NNeighbors = nNeighbors;
        WindowSize = windowSize;
        AggregationMethod = aggregationMethod;
        MinDistanceKeep = minDistanceKeep;
        P = p;
        _window = new NeighborWindow(windowSize, p);
    }

    public int NNeighbors { get; }

    public int WindowSize { get; }

    public KNNAggregation AggregationMethod { get; }

    public double MinDistanceKeep { get; }

    public double P { get; }

    /// <summary>How many examples the window holds.</summary>
    public int WindowCount => _window.Count;

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        if (NeighborSettings.Keeps(_window, x, NNeighbors, MinDistanceKeep))
        {
            _window.Append(x, y);
        }
    }

    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        int k = Math.Min(NNeighbors, _window.Count);
        if (k == 0)
        {
            return 0.0;
        }

        Span<int> slots = k <= StackLimit ? stackalloc int[k] : new int[k];
        Span<double> distances = k <= StackLimit ? stackalloc double[k] : new double[k];
        int found = _window.FindNearest(x, k, slots, distances);
        if (distances[0] == 0)
        {
            return _window.TargetAt(slots[0]);
        }

        Span<double> targets = k <= StackLimit ? stackalloc double[k] : new double[k];
        for (int i = 0; i < found; i++)
        {
            targets[i] = _window.TargetAt(slots[i]);
        }

        targets = targets[..found];
        switch (AggregationMethod)
        {
            case KNNAggregation.Mean:
                return PythonStatistics.Mean(targets);
            case KNNAggregation.Median:
                return PythonStatistics.Median(targets);
            default:
                double weighted = 0.0;
                double weights = 0.0;
                for (int i = 0; i < found; i++)
                {
                    weighted += targets[i] / distances[i];
                }

                for (int i = 0; i < found; i++)
                {
                    weights += 1 / distances[i];
                }

                return weighted / weights;
        }
    }

    public override Estimator CloneFresh() => new KNNRegressor(NNeighbors, WindowSize, AggregationMethod, MinDistanceKeep, P);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(KNNRegressor), StateVersion);
        _window.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(KNNRegressor), StateVersion);
        NeighborWindow window = NeighborWindow.Read(reader, WindowSize, P);
        for (int age = 0; age < window.Count; age++)
        {
            StateReader.Require(double.IsFinite(window.TargetAt(window.SlotAt(age))), "A stored target is not finite.");
        }

        _window = window;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"KNNRegressor(n_neighbors={NNeighbors}, window_size={WindowSize}, aggregation_method='{NeighborSettings.Name(AggregationMethod)}', min_distance_keep={PythonFloat.Repr(MinDistanceKeep)}, p={PythonFloat.Repr(P)})");
}
