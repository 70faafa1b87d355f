using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>
/// A running maximum or minimum (<see cref="Max"/>, <see cref="Min"/>): no value (River's ∓∞) before the first update.
/// </summary>
public abstract class Extremum : Univariate
{
    private const byte StateVersion = 1;
    private readonly bool _maximum;
    private readonly string _type;
    private double _value;

    private protected Extremum(bool maximum, string type)
    {
        _maximum = maximum;
        _type = type;
        _value = Empty;
    }

    public override bool HasValue => _value != Empty;

    // River starts a maximum at −∞ and a minimum at +∞.
    private double Empty => _maximum ? double.NegativeInfinity : double.PositiveInfinity;

    public override void Update(double x)
    {
        if (_maximum ? x > _value : x < _value)
        {
            _value = x;
        }
    }

    public override double Get() => _value;

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(_type, StateVersion);
        writer.WriteDouble(_value);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(_type, StateVersion);
        double value = reader.ReadDouble();
        StateReader.Require(double.IsFinite(value) || value == Empty, $"A {Name}imum is not finite.");
        _value = value;
    }

    public override string ToString() => _type + "()";
}
