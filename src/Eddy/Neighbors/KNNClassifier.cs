using System.Globalization;
using Eddy.Base;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Neighbors;

/// <summary>
/// River: <c>neighbors.KNNClassifier</c> (0.12.1). Keeps the last <c>window_size</c> examples and votes among the
/// <c>n_neighbors</c> nearest ones under the Minkowski metric, each vote weighted by the inverse distance
/// (or 1 when not <c>weighted</c>). Cover and Hart (1967).
/// </summary>
/// <remarks>
/// <para>Every class ever learned is reported (with 0 when no neighbour has it) unless <c>cleanup_every</c> drops
/// classes absent from the window. When the nearest example is at distance 0 its class gets probability 1. Votes are
/// normalised by their total, or by a softmax when <c>softmax</c>.</para>
/// <para>River 0.12.1's <c>clean_up_classes</c> builds a set of window entries (which holds dicts, so raises);
/// Eddy does what it documents: keeps the classes still present in the window.</para>
/// </remarks>
public sealed class KNNClassifier : Classifier
{
    private const byte StateVersion = 1;
    private const int StackLimit = 64;

    private NeighborWindow _window;
    private ClassTable _classes = new();
    private List<int> _classCounts = [];
    private int[] _order = [];
    private int _cleanupCounter;

    /// <param name="nNeighbors">How many neighbours vote (default 5).</param>
    /// <param name="windowSize">How many recent examples are kept (default 1000).</param>
    /// <param name="minDistanceKeep">River's storage rule, see <see cref="KNNRegressor"/> (default 0: keep all).</param>
    /// <param name="weighted">Weight votes by inverse distance (default true).</param>
    /// <param name="cleanupEvery">Drop classes absent from the window every this many learns; 0 (default) never.</param>
    /// <param name="softmax">Normalise votes with a softmax instead of dividing by their total (default false).</param>
    /// <param name="p">The Minkowski exponent: 1 Manhattan, 2 Euclidean (default); at least 1.</param>
    public KNNClassifier(
        int nNeighbors = 5, int windowSize = 1000, double minDistanceKeep = 0.0, bool weighted = true, int cleanupEvery = 0, bool softmax = false, double p = 2.0)
    {
        NeighborSettings.Validate(nNeighbors, windowSize, minDistanceKeep, p);
        ArgumentOutOfRangeException.ThrowIfNegative(cleanupEvery);
        NNeighbors = nNeighbors;
        WindowSize = windowSize;
        MinDistanceKeep = minDistanceKeep;
        Weighted = weighted;
        CleanupEvery = cleanupEvery;
        Softmax = softmax;
        P = p;
        _window = new NeighborWindow(windowSize, p);
        _cleanupCounter = cleanupEvery;
    }

    public int NNeighbors { get; }

    public int WindowSize { get; }

    public double MinDistanceKeep { get; }

    public bool Weighted { get; }

    public int CleanupEvery { get; }

    public bool Softmax { get; }

    public double P { get; }

    public int ClassCount => _classes.Count;

    public int WindowCount => _window.Count;

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateLabel(y);
        if (NeighborSettings.Keeps(_window, x, NNeighbors, MinDistanceKeep))
        {
            int k = _classes.Intern(y);
            if (k == _classCounts.Count)
            {
                _classCounts.Add(0);
                _order = PythonSetOrder.Order(_classes);
            }

            int evicted = _window.EvictedSlot;
            if (evicted >= 0)
            {
                _classCounts[(int)_window.TargetAt(evicted)]--;
            }

            _window.Append(x, k);
            _classCounts[k]++;
        }

        if (CleanupEvery > 0 && --_cleanupCounter == 0)
        {
            CleanUpClasses();
            _cleanupCounter = CleanupEvery;
        }
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.Clear();
        int classCount = _classes.Count;
        if (classCount == 0)
        {
            return false;
        }

        int k = Math.Min(NNeighbors, _window.Count);
        Span<double> votes = classCount <= StackLimit ? stackalloc double[classCount] : new double[classCount];
        votes.Clear();
        if (k == 0)
        {
            votes.Fill(1.0 / classCount);
            return Emit(votes, output);
        }

        Span<int> slots = k <= StackLimit ? stackalloc int[k] : new int[k];
        Span<double> distances = k <= StackLimit ? stackalloc double[k] : new double[k];
        int found = _window.FindNearest(x, k, slots, distances);
        if (distances[0] == 0)
        {
            votes[(int)_window.TargetAt(slots[0])] = 1.0;
            return Emit(votes, output);
        }

        for (int i = 0; i < found; i++)
        {
            votes[(int)_window.TargetAt(slots[i])] += Weighted ? 1.0 / distances[i] : 1.0;
        }

        if (Softmax)
        {
            NormalizeSoftmax(votes);
        }
        else
        {
            double total = 0.0;
            foreach (int c in _order)
            {
                total += votes[c];
            }

            for (int c = 0; c < votes.Length; c++)
            {
                votes[c] /= total;
            }
        }

        return Emit(votes, output);
    }

    public override Estimator CloneFresh() =>
        new KNNClassifier(NNeighbors, WindowSize, MinDistanceKeep, Weighted, CleanupEvery, Softmax, P);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(KNNClassifier), StateVersion);
        _classes.WriteState(writer);
        _window.WriteState(writer);
        writer.WriteInt32(_cleanupCounter);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(KNNClassifier), StateVersion);
        ClassTable classes = ClassTable.Read(reader);
        NeighborWindow window = NeighborWindow.Read(reader, WindowSize, P);
        var counts = new List<int>(new int[classes.Count]);
        for (int age = 0; age < window.Count; age++)
        {
            double target = window.TargetAt(window.SlotAt(age));
            StateReader.Require(target >= 0 && target < classes.Count && target == Math.Floor(target), "A stored class index is out of range.");
            counts[(int)target]++;
        }

        int cleanupCounter = reader.ReadInt32();
        StateReader.Require(CleanupEvery == 0 ? cleanupCounter == 0 : cleanupCounter >= 1 && cleanupCounter <= CleanupEvery, "Invalid clean-up counter.");
        _classes = classes;
        _window = window;
        _classCounts = counts;
        _order = PythonSetOrder.Order(classes);
        _cleanupCounter = cleanupCounter;
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"KNNClassifier(n_neighbors={NNeighbors}, window_size={WindowSize}, min_distance_keep={PythonFloat.Repr(MinDistanceKeep)}, weighted={(Weighted ? "True" : "False")}, cleanup_every={CleanupEvery}, softmax={(Softmax ? "True" : "False")}, p={PythonFloat.Repr(P)})");

    /// <summary>River's <c>utils.math.softmax</c>: subtract the maximum, exponentiate, divide by the running total.</summary>
    private void NormalizeSoftmax(Span<double> votes)
    {
        double maximum = double.NegativeInfinity;
        foreach (double vote in votes)
        {
            maximum = Math.Max(maximum, vote);
        }

        double total = 0.0;
        foreach (int c in _order)
        {
            votes[c] = Math.Exp(votes[c] - maximum);
            total += votes[c];
        }

        for (int c = 0; c < votes.Length; c++)
        {
            votes[c] /= total;
        }
    }

    /// <summary>Writes the votes in River's dict order (its class set's order), which decides arg-max ties.</summary>
    private bool Emit(ReadOnlySpan<double> votes, ClassProbabilities output)
    {
        foreach (int c in _order)
        {
            output.Add(_classes[c], votes[c]);
        }

        return true;
    }

    /// <summary>Keeps only the classes some stored example has, in their order; remaps the stored class indices.</summary>
    private void CleanUpClasses()
    {
        if (!_classCounts.Contains(0))
        {
            return;
        }

        var classes = new ClassTable();
        var counts = new List<int>();
        var remap = new int[_classes.Count];
        for (int c = 0; c < _classes.Count; c++)
        {
            remap[c] = -1;
            if (_classCounts[c] > 0)
            {
                remap[c] = classes.Intern(_classes[c]);
                counts.Add(_classCounts[c]);
            }
        }

        for (int age = 0; age < _window.Count; age++)
        {
            int slot = _window.SlotAt(age);
            _window.SetTarget(slot, remap[(int)_window.TargetAt(slot)]);
        }

        _classes = classes;
        _classCounts = counts;
        _order = PythonSetOrder.Order(classes);
    }
}
