using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Trees;

/// <summary>
/// A nominal attribute's value: a categorical symbol or a number (a numeric feature listed in
/// <c>nominal_attributes</c>). Equality is Python's: symbols by identity, numbers by value, never across kinds.
/// </summary>
internal readonly record struct FeatureValue(double Number, int Symbol)
{
    public bool IsSymbol => Symbol != FeatureVector.NoSymbol;

    public static FeatureValue At(FeatureVector x, int position) => new(x.ValueAt(position), x.SymbolAt(position));

    public bool Equals(FeatureValue other) =>
        IsSymbol ? other.Symbol == Symbol : !other.IsSymbol && other.Number == Number;

    public override int GetHashCode() => IsSymbol ? Symbol : Number.GetHashCode();

    /// <summary>Python's <c>sorted</c> order: numbers by value, strings by code point; numbers first when mixed.</summary>
    public static int Compare(FeatureValue a, FeatureValue b, FeatureSchema schema)
    {
        if (a.IsSymbol != b.IsSymbol)
        {
            return a.IsSymbol ? 1 : -1;
        }

        return a.IsSymbol
            ? string.CompareOrdinal(schema.SymbolOf(a.Symbol), schema.SymbolOf(b.Symbol))
            : a.Number.CompareTo(b.Number);
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteDouble(Number);
        writer.WriteInt32(Symbol);
    }

    public static FeatureValue Read(StateReader reader)
    {
        double number = reader.ReadDouble();
        int symbol = reader.ReadInt32();
        StateReader.Require(symbol >= FeatureVector.NoSymbol, "Invalid categorical symbol in a tree.");
        return new FeatureValue(number, symbol);
    }
}
