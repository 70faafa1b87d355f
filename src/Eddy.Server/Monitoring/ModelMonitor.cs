using System.Buffers;
using System.Text.Json;
using Eddy.Server.Hosting;

namespace Eddy.Server.Monitoring;

/// <summary>
/// Watches one model as it learns: its learning curve (<see cref="History"/>) and its event stream
/// (<see cref="Events"/>). Fed by the model's writer after each publication, so it only ever sees durable state.
/// </summary>
internal sealed class ModelMonitor
{
    // Between kept curve points, subscribers still get a progress event this often while the model learns.
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(1);

    private long _lastEventSequence = -1;
    private long _alarms;
    private long _actions;
    private DateTimeOffset _lastEventTime;
    private volatile FeatureReport? _features;

    public ModelMonitor(IReadOnlyList<string> metricNames)
    {
        MetricNames = metricNames;
    }

    /// <summary>The model's metrics, in the order of a curve point's values (each global, then each rolling).</summary>
    public IReadOnlyList<string> MetricNames { get; }

    public MetricHistory History { get; } = new();

    public ModelEvents Events { get; } = new();

    /// <summary>Monitor alarms (drift events) so far, including any replayed at recovery.</summary>
    public long Alarms => Interlocked.Read(ref _alarms);

    /// <summary>Policy actions so far, including any replayed at recovery.</summary>
    public long Actions => Interlocked.Read(ref _actions);

    /// <summary>The watched features as of the last published replica (null when the model has no features monitor).</summary>
    public FeatureReport? Features => _features;

    /// <summary>The writer published <paramref name="replica"/>.</summary>
    public void Published(Replica replica)
    {
        if (replica.Features is { } features)
        {
            // Replaced whole behind a volatile reference: readers take it without locks.
            _features = new FeatureReport(replica.Sequence, features);
        }

        if (replica.Sequence == 0)
        {
            return;
        }

        var point = new CurvePoint(replica.Sequence, replica.PublishedAt, replica.MetricValues);
        bool kept = History.Offer(point);
        if (!Events.HasSubscribers || replica.Sequence == _lastEventSequence)
        {
            return;
        }

        if (kept || replica.PublishedAt - _lastEventTime >= s_progressInterval)
        {
            Events.Publish(Progress(point), keep: false);
            _lastEventSequence = replica.Sequence;
            _lastEventTime = replica.PublishedAt;
        }
    }

    /// <summary>A <c>learn</c> event: the sequence and every metric's global and rolling value at that point.</summary>
    public ModelEvent Progress(CurvePoint point) =>
        new("learn", point.Sequence, point.Time, Serialize(writer => WritePoint(writer, point)));

    /// <summary>Records a model event (snapshot, publication change, storage failure…), kept for late joiners.</summary>
    public void Record(string type, long sequence, DateTimeOffset time, Action<Utf8JsonWriter> writeFields)
    {
        if (type == "drift")
        {
            Interlocked.Increment(ref _alarms);
        }
        else if (type == "policy")
        {
            Interlocked.Increment(ref _actions);
        }

        byte[] data = Serialize(writer =>
        {
            writer.WriteNumber("sequence"u8, sequence);
            writer.WriteString("time"u8, time);
            writeFields(writer);
        });
        var recorded = new ModelEvent(type, sequence, time, data);
        Events.Publish(recorded, keep: true);
        Recorded?.Invoke(recorded);
    }

    /// <summary>Scale-out trainer: called with each recorded event, so drift and policy events reach the servers.</summary>
    public Action<ModelEvent>? Recorded { get; set; }

    /// <summary>Scale-out server: an event recorded by the model's trainer, passed on to this server's subscribers.</summary>
    public void Relay(ModelEvent relayed)
    {
        if (relayed.Type == "drift")
        {
            Interlocked.Increment(ref _alarms);
        }
        else if (relayed.Type == "policy")
        {
            Interlocked.Increment(ref _actions);
        }

        Events.Publish(relayed, keep: true);
    }

    /// <summary>Writes <c>"metrics": {"Accuracy": {"global": …, "rolling": …}}</c>; a metric with nothing scored is null.</summary>
    public void WriteMetrics(Utf8JsonWriter writer, IReadOnlyList<double> values)
    {
        writer.WriteStartObject("metrics"u8);
        int count = MetricNames.Count;
        for (int i = 0; i < count; i++)
        {
            writer.WriteStartObject(MetricNames[i]);
            WriteNumber(writer, "global"u8, values[i]);
            WriteNumber(writer, "rolling"u8, values[count + i]);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WritePoint(Utf8JsonWriter writer, CurvePoint point)
    {
        writer.WriteNumber("sequence"u8, point.Sequence);
        writer.WriteString("time"u8, point.Time);
        WriteMetrics(writer, point.MetricValues);
    }

    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static byte[] Serialize(Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeFields(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
