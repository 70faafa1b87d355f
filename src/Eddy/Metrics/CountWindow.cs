using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// The window of <see cref="RollingClassificationMetric"/> and <see cref="RollingRegressionMetric"/>: the last
/// <see cref="Size"/> updates, oldest first. Its saved form is the size, the count, then the examples, oldest first.
/// </summary>
internal sealed class CountWindow<TExample, TMetric>
    where TExample : struct, IWindowExample<TExample, TMetric>
    where TMetric : Metric
{
    private readonly WindowRing<TExample> _ring;

    public CountWindow(int size)
        : this(size, new WindowRing<TExample>(size))
    {
    }

    private CountWindow(int size, WindowRing<TExample> ring)
    {
        Size = size;
        _ring = ring;
    }

    public int Size { get; }

    public int Count => _ring.Count;

    /// <summary>
    /// When the window is full, reverts its oldest example from <paramref name="metric"/> and drops it (River's order:
    /// the oldest leaves before the new one is added). If the revert throws, the window is unchanged.
    /// </summary>
    public void MakeRoom(TMetric metric)
    {
        if (_ring.IsFull)
        {
            _ring[0].RevertFrom(metric);
            _ring.RemoveOldest();
        }
    }

    /// <summary>The slot for the newest example; call <see cref="MakeRoom"/> first.</summary>
    public ref TExample Append() => ref _ring.Insert(_ring.Count);

    public static CountWindow<TExample, TMetric> Read(StateReader reader, int size)
    {
        int savedSize = reader.ReadInt32();
        StateReader.Require(savedSize == size, $"The saved window holds {savedSize} updates, this one {size}.");
        int count = reader.ReadCount();
        StateReader.Require(count <= size, "The saved window holds more updates than its size.");
        var examples = new TExample[size];
        for (int k = 0; k < count; k++)
        {
            examples[k] = TExample.Read(reader);
        }

        return new CountWindow<TExample, TMetric>(size, new WindowRing<TExample>(examples, count));
    }

    public void Write(StateWriter writer)
    {
        writer.WriteInt32(Size);
        writer.WriteInt32(_ring.Count);
        for (int k = 0; k < _ring.Count; k++)
        {
            _ring[k].Write(writer);
        }
    }
}
