using System.Buffers;
using Eddy.Serialization;

namespace Eddy.Metrics;

/// <summary>
/// River's <c>metrics.base.Metric</c>: updated one example at a time, reverted for rolling windows, read through
/// <see cref="Value"/> (River's <c>get()</c>). Metrics are state too: they are saved with the model.
/// </summary>
public abstract class Metric
{
    /// <summary>The current value (River's <c>get()</c>).</summary>
    public abstract double Value { get; }

    /// <summary>Whether a larger value means a better model (River's <c>bigger_is_better</c>).</summary>
    public abstract bool BiggerIsBetter { get; }

    /// <summary>River's class name, used in reports: <c>ROCAUC</c>, <c>MacroF1</c>.</summary>
    public abstract string Name { get; }

    /// <summary>True when <see cref="Value"/> reads as a percentage (River prints <c>ROCAUC: 95.07%</c>).</summary>
    public virtual bool IsPercentage => false;

    /// <summary>A new metric of the same kind and parameters, with no state.</summary>
    public abstract Metric CloneFresh();

    public abstract void WriteState(StateWriter writer);

    /// <summary>Replaces the state; reads into locals and commits last, so a bad read changes nothing.</summary>
    public abstract void ReadState(StateReader reader);

    /// <summary>The state as bytes, for comparisons and snapshots.</summary>
    public byte[] SerializeState()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        WriteState(new StateWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The value formatted as River prints it: two-decimal percentages, else the number.</summary>
    public string FormatValue() => IsPercentage
        ? (Value * 100).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + "%"
        : Value.ToString("F6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>River's repr, e.g. <c>ROCAUC: 95.07%</c>.</summary>
    public override string ToString() => $"{Name}: {FormatValue()}";
}
