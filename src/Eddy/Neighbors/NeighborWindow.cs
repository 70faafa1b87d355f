using System.Buffers;
using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Neighbors;

/// <summary>
/// River's <c>neighbors.MinkowskiNeighbors</c>: the last <c>window_size</c> examples (a FIFO deque in River) kept as
/// dense rows indexed by feature index in a ring buffer, each with a target, and a brute-force Minkowski search.
/// </summary>
/// <remarks>
/// <para>River's <c>minkowski_distance</c> sums <c>|a.get(k, 0) − b.get(k, 0)|^p</c> over the union of keys, so an
/// absent feature is 0: a dense row with zeros for absent features gives the same sum. A query feature no row holds
/// (transient, or interned after the last learn) adds <c>|v|^p</c> to every distance. River 0.12.1 returns the sum
/// itself, without the <c>1/p</c> root, and the reference numbers depend on that.</para>
/// <para>Neighbours are River's <c>sorted(points, key=distance)[:k]</c>: ascending distance, ties to the older example.
/// Memory grows only when the window fills up or the schema grows; the search allocates nothing.</para>
/// </remarks>
internal sealed class NeighborWindow
{
    private const int StackLimit = 256;

    private double[] _rows = [];
    private double[] _targets = [];
    private int _stride;
    private int _width;
    private int _start;
    private int _count;

    public NeighborWindow(int windowSize, double p)
    {
        WindowSize = windowSize;
        P = p;
    }

    public int WindowSize { get; }

    public double P { get; }

    public int Count => _count;

    /// <summary>The slot of the <paramref name="age"/>-th oldest example.</summary>
    public int SlotAt(int age) => (_start + age) % WindowSize;

    public double TargetAt(int slot) => _targets[slot];

    public void SetTarget(int slot, double target) => _targets[slot] = target;

    /// <summary>The slot the next <see cref="Append"/> overwrites, or -1 while the window is not full.</summary>
    public int EvictedSlot => _count == WindowSize ? _start : -1;

    /// <summary>Adds an example (the oldest one drops out when full); transient features cannot be stored and are skipped.</summary>
    public void Append(FeatureVector x, double target)
    {
        int width = Math.Max(_width, x.Schema.Count);
        int slot;
        if (_count < WindowSize)
        {
            slot = _count;
            Grow(slot + 1, width);
            _count++;
        }
        else
        {
            Grow(_count, width);
            slot = _start;
            _start = (_start + 1) % WindowSize;
        }

        _width = width;
        Span<double> row = _rows.AsSpan(slot * _stride, _width);
        row.Clear();
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] < (uint)_width)
            {
                row[indices[i]] = values[i];
            }
        }

        _targets[slot] = target;
    }

    /// <summary>
    /// The <c>min(k, Count)</c> nearest examples to <paramref name="x"/>: their slots and distances, nearest first.
    /// Reads the window only, so concurrent searches are safe.
    /// </summary>
    public int FindNearest(FeatureVector x, int k, Span<int> slots, Span<double> distances)
    {
        int found = 0;
        if (_count == 0 || k == 0)
        {
            return 0;
        }

        double[]? rented = null;
        Span<double> query = _width <= StackLimit ? stackalloc double[StackLimit] : (rented = ArrayPool<double>.Shared.Rent(_width));
        query = query[.._width];
        query.Clear();
        double outside = 0.0;
        ReadOnlySpan<int> indices = x.Indices;
        ReadOnlySpan<double> values = x.Values;
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] < (uint)_width)
            {
                query[indices[i]] = values[i];
            }
            else
            {
                outside += Term(values[i]);
            }
        }

        for (int age = 0; age < _count; age++)
        {
            int slot = SlotAt(age);
            double distance = Distance(query, _rows.AsSpan(slot * _stride, _width)) + outside;

            if (found == k && !(distance < distances[k - 1]))
            {
                continue;
            }

            // Shifting only strictly farther neighbours keeps Python's stable sort: ties go to the older example.
            int position = found < k ? found : k - 1;
            while (position > 0 && distance < distances[position - 1])
            {
                slots[position] = slots[position - 1];
                distances[position] = distances[position - 1];
                position--;
            }

            slots[position] = slot;
            distances[position] = distance;
            found = Math.Min(found + 1, k);
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }

        return found;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteInt32(_width);
        writer.WriteInt32(_count);
        writer.WriteInt32(_start);
        for (int slot = 0; slot < _count; slot++)
        {
            writer.WriteDouble(_targets[slot]);
            writer.WriteDoubles(_rows.AsSpan(slot * _stride, _width));
        }
    }

    /// <summary>Reads a window into a new instance, validated, so the caller can commit it with its other fields.</summary>
    public static NeighborWindow Read(StateReader reader, int windowSize, double p)
    {
        int width = reader.ReadInt32();
        int count = reader.ReadInt32();
        int start = reader.ReadInt32();
        StateReader.Require(width >= 0 && count >= 0 && count <= windowSize, "Invalid neighbour window size.");
        StateReader.Require(start == 0 || (count == windowSize && start < windowSize), "Invalid neighbour window start.");
        var window = new NeighborWindow(windowSize, p);
        window.Grow(count, width);
        for (int slot = 0; slot < count; slot++)
        {
            window._targets[slot] = reader.ReadDouble();
            double[] row = reader.ReadDoubles();
            StateReader.Require(row.Length == width, "A neighbour row has the wrong width.");
            foreach (double value in row)
            {
                StateReader.Require(double.IsFinite(value), "A neighbour row holds a non-finite value.");
            }

            row.CopyTo(window._rows.AsSpan(slot * window._stride, width));
        }

        window._width = width;
        window._count = count;
        window._start = start;
        return window;
    }

    private double Term(double difference) => P switch
    {
        2.0 => difference * difference,
        1.0 => Math.Abs(difference),
        _ => Math.Pow(Math.Abs(difference), P),
    };

    private double Distance(ReadOnlySpan<double> query, ReadOnlySpan<double> row)
    {
        double sum = 0.0;
        if (P == 2.0)
        {
            for (int j = 0; j < query.Length; j++)
            {
                double d = query[j] - row[j];
                sum += d * d;
            }
        }
        else
        {
            for (int j = 0; j < query.Length; j++)
            {
                sum += Term(query[j] - row[j]);
            }
        }

        return sum;
    }

    /// <summary>Makes room for <paramref name="slots"/> rows of <paramref name="width"/> features, doubling either.</summary>
    private void Grow(int slots, int width)
    {
        int capacity = _targets.Length;
        if (slots <= capacity && width <= _stride)
        {
            return;
        }

        int newCapacity = slots <= capacity ? capacity : Math.Min(WindowSize, Math.Max(slots, Math.Max(4, capacity * 2)));
        int newStride = width <= _stride ? _stride : Math.Max(width, _stride * 2);
        var rows = new double[checked(newCapacity * newStride)];
        for (int slot = 0; slot < Math.Min(capacity, _count); slot++)
        {
            _rows.AsSpan(slot * _stride, _width).CopyTo(rows.AsSpan(slot * newStride));
        }

        Array.Resize(ref _targets, newCapacity);
        _rows = rows;
        _stride = newStride;
    }
}
