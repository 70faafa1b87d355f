namespace Eddy.Base;

/// <summary>
/// A reusable class → probability map, River's <c>predict_proba_one</c> result without a dictionary per call.
/// Classes keep their insertion order, which decides ties the way Python's <c>max(d, key=d.get)</c> does.
/// </summary>
public sealed class ClassProbabilities
{
    private Label[] _classes;
    private double[] _probabilities;
    private int _count;

    public ClassProbabilities(int capacity = 4)
    {
        capacity = Math.Max(capacity, 2);
        _classes = new Label[capacity];
        _probabilities = new double[capacity];
    }

    public int Count => _count;

    /// <summary>True when the model had nothing to say (River's empty dict): metrics skip such predictions.</summary>
    public bool IsEmpty => _count == 0;

    public ReadOnlySpan<Label> Classes => _classes.AsSpan(0, _count);

    public ReadOnlySpan<double> Probabilities => _probabilities.AsSpan(0, _count);

    public void Clear() => _count = 0;

    public void Add(Label label, double probability)
    {
        if (_count == _classes.Length)
        {
            Array.Resize(ref _classes, _count * 2);
            Array.Resize(ref _probabilities, _count * 2);
        }

        _classes[_count] = label;
        _probabilities[_count] = probability;
        _count++;
    }

    /// <summary>Adds to a class's probability, appending the class when absent (River's <c>Counter.update</c>).</summary>
    public void Accumulate(Label label, double amount)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_classes[i].Equals(label))
            {
                _probabilities[i] += amount;
                return;
            }
        }

        Add(label, amount);
    }

    /// <summary>Divides every probability by <paramref name="total"/> (a vote normalised by its sum).</summary>
    public void DivideBy(double total)
    {
        for (int i = 0; i < _count; i++)
        {
            _probabilities[i] /= total;
        }
    }

    /// <summary>Binary form River's linear classifiers return: <c>{False: 1 − p, True: p}</c>.</summary>
    public void SetBinary(double probabilityTrue)
    {
        Clear();
        Add(Label.False, 1.0 - probabilityTrue);
        Add(Label.True, probabilityTrue);
    }

    /// <summary>Probability of <paramref name="label"/>, 0 when absent (River's <c>y_pred.get(c, 0.0)</c>).</summary>
    public double Get(Label label)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_classes[i].Equals(label))
            {
                return _probabilities[i];
            }
        }

        return 0.0;
    }

    /// <summary>The most probable class, the first one on ties; <see cref="Label.None"/> when empty.</summary>
    public Label ArgMax()
    {
        if (_count == 0)
        {
            return Label.None;
        }

        int best = 0;
        for (int i = 1; i < _count; i++)
        {
            if (_probabilities[i] > _probabilities[best])
            {
                best = i;
            }
        }

        return _classes[best];
    }

    public void CopyTo(ClassProbabilities destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Clear();
        for (int i = 0; i < _count; i++)
        {
            destination.Add(_classes[i], _probabilities[i]);
        }
    }
}
