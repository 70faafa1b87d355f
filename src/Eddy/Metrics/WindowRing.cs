using System.Diagnostics;

namespace Eddy.Metrics;

/// <summary>
/// The ring buffer under the rolling windows: entries in logical order (0 is the oldest), stored inline. A slot keeps
/// its old content until it is reused, which is how entries hand their buffers on to later updates.
/// </summary>
internal sealed class WindowRing<T>
    where T : struct
{
    private T[] _items;
    private int _start;
    private int _count;

    public WindowRing(int capacity)
    {
        _items = capacity == 0 ? [] : new T[capacity];
    }

    /// <summary>A ring over <paramref name="items"/> whose first <paramref name="count"/> entries are in use.</summary>
    public WindowRing(T[] items, int count)
    {
        Debug.Assert(count <= items.Length);
        _items = items;
        _count = count;
    }

    public int Count => _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>The entry at logical position <paramref name="k"/>, 0 being the oldest.</summary>
    public ref T this[int k]
    {
        get
        {
            Debug.Assert((uint)k < (uint)_count);
            return ref _items[Physical(k)];
        }
    }

    public void RemoveOldest()
    {
        Debug.Assert(_count > 0);
        _start = (_start + 1) % _items.Length;
        _count--;
    }

    /// <summary>
    /// Opens logical position <paramref name="position"/> (0 to <see cref="Count"/>), moving the later entries up by
    /// one; grows (doubling, at least 8) when full. The opened entry holds what the free slot held, so buffers rotate
    /// instead of being lost.
    /// </summary>
    public ref T Insert(int position)
    {
        Debug.Assert((uint)position <= (uint)_count);
        if (IsFull)
        {
            Grow();
        }

        T free = _items[Physical(_count)];
        for (int k = _count; k > position; k--)
        {
            _items[Physical(k)] = _items[Physical(k - 1)];
        }

        int slot = Physical(position);
        _items[slot] = free;
        _count++;
        return ref _items[slot];
    }

    private int Physical(int k) => (_start + k) % _items.Length;

    private void Grow()
    {
        var items = new T[Math.Max(8, _items.Length * 2)];
        for (int k = 0; k < _count; k++)
        {
            items[k] = _items[Physical(k)];
        }

        _items = items;
        _start = 0;
    }
}
