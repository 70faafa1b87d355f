using Eddy.Serialization;
using Eddy.Server.Json;

namespace Eddy.Server.Monitoring;

/// <summary>
/// The features monitor of a model's watch: one <see cref="FeatureMonitor"/> per watched numeric feature, in a fixed
/// order (the spec's names, or first seen up to <see cref="FeatureWatchSpec.MaxFeatures"/>), so a replay feeds and
/// checks them identically. Only models that ask for it pay for the lookups.
/// </summary>
internal sealed class FeatureWatch
{
    private readonly FeatureWatchSpec _spec;
    private readonly List<FeatureMonitor> _monitors = [];
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FeatureWatch(FeatureWatchSpec spec)
    {
        _spec = spec;
        _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
        if (spec.Names is { } names)
        {
            foreach (string name in names)
            {
                Add(name);
            }
        }
    }

    /// <summary>Feeds the example's watched numeric features (learn <paramref name="sequence"/>); the first alarm, in watch order.</summary>
    public WatchAlarm? Observe(RawExample example, long sequence)
    {
        for (int i = 0; i < example.Count; i++)
        {
            if (!example.IsNumberAt(i))
            {
                continue;
            }

            ReadOnlySpan<char> name = example.NameAt(i);
            if (!_lookup.TryGetValue(name, out int slot))
            {
                if (_spec.Names is not null || _monitors.Count == FeatureWatchSpec.MaxFeatures)
                {
                    continue;
                }

                slot = Add(name.ToString());
            }

            _monitors[slot].Stage(sequence, example.ValueAt(i));
        }

        WatchAlarm? alarm = null;
        foreach (FeatureMonitor monitor in _monitors)
        {
            WatchAlarm? fired = monitor.Update(sequence);
            alarm ??= fired;
        }

        return alarm;
    }

    /// <summary>A policy acted: every feature starts a new reference window.</summary>
    public void Restart()
    {
        foreach (FeatureMonitor monitor in _monitors)
        {
            monitor.Restart();
        }
    }

    public FeatureDrift[] Report()
    {
        var report = new FeatureDrift[_monitors.Count];
        for (int i = 0; i < report.Length; i++)
        {
            report[i] = _monitors[i].Report();
        }

        return report;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteInt32(_monitors.Count);
        foreach (FeatureMonitor monitor in _monitors)
        {
            writer.WriteString(monitor.Name);
            monitor.WriteState(writer);
        }
    }

    public void ReadState(StateReader reader)
    {
        int count = reader.ReadInt32();
        StateReader.Require(count >= 0 && count <= FeatureWatchSpec.MaxFeatures, "Too many watched features in the watch state.");
        StateReader.Require(_spec.Names is null || count == _spec.Names.Count, "The watch state's features do not match the spec's names.");
        var monitors = new List<FeatureMonitor>(count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            StateReader.Require(names.Add(name) && (_spec.Names is null || _spec.Names[i] == name), "The watch state's features do not match the spec.");
            var monitor = new FeatureMonitor(name, _spec);
            monitor.ReadState(reader);
            monitors.Add(monitor);
        }

        _monitors.Clear();
        _slots.Clear();
        foreach (FeatureMonitor monitor in monitors)
        {
            _slots.Add(monitor.Name, _monitors.Count);
            _monitors.Add(monitor);
        }
    }

    private int Add(string name)
    {
        int slot = _monitors.Count;
        _slots.Add(name, slot);
        _monitors.Add(new FeatureMonitor(name, _spec));
        return slot;
    }
}
