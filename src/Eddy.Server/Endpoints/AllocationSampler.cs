using System.Diagnostics.Tracing;

namespace Eddy.Server.Endpoints;

/// <summary>
/// Which types a load benchmark allocates: the runtime's allocation ticks (one event about every 100 KB allocated,
/// naming the type of the object that crossed the mark) counted by type while it runs. A statistical profile, cheap
/// enough to leave on during a run; for the benchmark routes only.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, (long Ticks, long Bytes)> _byType = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Forgets what was counted so far (counting starts when the listener is created).</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _byType.Clear();
        }
    }

    /// <summary>The bytes sampled by type since <see cref="Restart"/>, largest first.</summary>
    public List<AllocationSample> Read()
    {
        lock (_gate)
        {
            var samples = new List<AllocationSample>(_byType.Count);
            foreach (KeyValuePair<string, (long Ticks, long Bytes)> entry in _byType)
            {
                samples.Add(new AllocationSample(entry.Key, entry.Value.Ticks, entry.Value.Bytes));
            }

            samples.Sort((a, b) => b.Bytes.CompareTo(a.Bytes));
            return samples;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!eventData.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        string type = "?";
        long bytes = 0;
        for (int i = 0; i < eventData.Payload.Count; i++)
        {
            string name = eventData.PayloadNames![i];
            if (name == "TypeName")
            {
                type = eventData.Payload[i] as string ?? "?";
            }
            else if (name == "AllocationAmount64")
            {
                bytes = Convert.ToInt64(eventData.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        lock (_gate)
        {
            _byType.TryGetValue(type, out (long Ticks, long Bytes) sum);
            _byType[type] = (sum.Ticks + 1, sum.Bytes + bytes);
        }
    }
}

internal sealed record AllocationSample(string Type, long Ticks, long Bytes);
