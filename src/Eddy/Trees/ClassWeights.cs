using Eddy.Serialization;

namespace Eddy.Trees;

/// <summary>
/// A class → weight map in insertion order (River's leaf <c>stats</c> dict): the order decides argmax ties and the
/// order of every sum, so it is kept exactly. Classes are the tree's dense class indices. Entries of weight 0 stay,
/// as they count in River's <c>len(stats)</c>.
/// </summary>
internal sealed class ClassWeights
{
    private int[] _classes;
    private double[] _weights;
    private int _count;

    public ClassWeights(int capacity = 2)
    {
        _classes = new int[Math.Max(capacity, 2)];
        _weights = new double[_classes.Length];
    }

    public int Count => _count;

    public int ClassAt(int position) => _classes[position];

    public double WeightAt(int position) => _weights[position];

    public int PositionOf(int classIndex)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_classes[i] == classIndex)
            {
                return i;
            }
        }

        return -1;
    }

    public double Get(int classIndex)
    {
        int position = PositionOf(classIndex);
        return position < 0 ? 0.0 : _weights[position];
    }

    /// <summary>River's <c>stats[y] += w</c> (inserting <c>w</c> when absent).</summary>
    public void Add(int classIndex, double weight)
    {
        int position = PositionOf(classIndex);
        if (position >= 0)
        {
            _weights[position] += weight;
            return;
        }

        Append(classIndex, weight);
    }

    public void Append(int classIndex, double weight)
    {
        if (_count == _classes.Length)
        {
            Array.Resize(ref _classes, _count * 2);
            Array.Resize(ref _weights, _count * 2);
        }

        _classes[_count] = classIndex;
        _weights[_count] = weight;
        _count++;
    }

    /// <summary>Python's <c>sum(stats.values())</c>, left to right.</summary>
    public double Total()
    {
        double sum = 0.0;
        for (int i = 0; i < _count; i++)
        {
            sum += _weights[i];
        }

        return sum;
    }

    /// <summary>Position of the first largest weight (Python's <c>max(d, key=d.get)</c>), -1 when empty.</summary>
    public int ArgMaxPosition()
    {
        if (_count == 0)
        {
            return -1;
        }

        int best = 0;
        for (int i = 1; i < _count; i++)
        {
            if (_weights[i] > _weights[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>Empties the weights, keeping the storage (scratch reuse).</summary>
    public void Clear() => _count = 0;

    public ClassWeights Copy()
    {
        var copy = new ClassWeights(_count);
        for (int i = 0; i < _count; i++)
        {
            copy.Append(_classes[i], _weights[i]);
        }

        return copy;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteInt32(_count);
        for (int i = 0; i < _count; i++)
        {
            writer.WriteInt32(_classes[i]);
            writer.WriteDouble(_weights[i]);
        }
    }

    public static ClassWeights Read(StateReader reader, int classCount)
    {
        int count = reader.ReadCount();
        var weights = new ClassWeights(count);
        for (int i = 0; i < count; i++)
        {
            int classIndex = reader.ReadInt32();
            StateReader.Require(
                (uint)classIndex < (uint)classCount && weights.PositionOf(classIndex) < 0,
                $"Invalid or repeated class index {classIndex} in a tree node.");
            weights.Append(classIndex, reader.ReadDouble());
        }

        return weights;
    }
}
