using System.Threading.Channels;

namespace Eddy.Server.Monitoring;

/// <summary>
/// Fans a model's events out to its subscribers (SSE connections). Each subscriber has a bounded queue that drops its
/// oldest events when the client reads too slowly, so a stalled dashboard never holds the writer back. The last
/// <see cref="RecentCapacity"/> events other than learn progress are kept for late joiners (markers on a curve).
/// </summary>
internal sealed class ModelEvents
{
    public const int RecentCapacity = 256;
    private const int QueueCapacity = 1024;

    private readonly Lock _lock = new();
    private readonly Queue<ModelEvent> _recent = new();
    private Subscription[] _subscribers = [];
    private bool _completed;

    public bool HasSubscribers => Volatile.Read(ref _subscribers).Length > 0;

    public Subscription Subscribe()
    {
        lock (_lock)
        {
            var subscription = new Subscription(this);
            if (_completed)
            {
                subscription.Channel.Writer.TryComplete();
            }
            else
            {
                _subscribers = [.. _subscribers, subscription];
            }

            return subscription;
        }
    }

    public void Publish(ModelEvent modelEvent, bool keep)
    {
        if (keep)
        {
            lock (_lock)
            {
                if (_recent.Count == RecentCapacity)
                {
                    _recent.Dequeue();
                }

                _recent.Enqueue(modelEvent);
            }
        }

        foreach (Subscription subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Channel.Writer.TryWrite(modelEvent);
        }
    }

    public ModelEvent[] Recent()
    {
        lock (_lock)
        {
            return [.. _recent];
        }
    }

    /// <summary>The model is gone: every stream ends.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            foreach (Subscription subscriber in _subscribers)
            {
                subscriber.Channel.Writer.TryComplete();
            }

            _subscribers = [];
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock)
        {
            int index = Array.IndexOf(_subscribers, subscription);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }
        }
    }

    internal sealed class Subscription(ModelEvents owner) : IDisposable
    {
        public Channel<ModelEvent> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<ModelEvent>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public ChannelReader<ModelEvent> Reader => Channel.Reader;

        public void Dispose() => owner.Remove(this);
    }
}
