namespace Eddy.Server.Hosting;

/// <summary>
/// Outcomes of learns sent with an <c>Idempotency-Key</c>, so a retried request is answered with the first outcome
/// instead of being learned twice. Used by the model's writer only (no locking); bounded by count, oldest first out.
/// </summary>
internal sealed class IdempotencyCache
{
    private readonly Dictionary<string, LearnOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public IdempotencyCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    public bool TryGet(string key, out LearnOutcome outcome) => _outcomes.TryGetValue(key, out outcome);

    public void Add(string key, LearnOutcome outcome)
    {
        if (!_outcomes.TryAdd(key, outcome))
        {
            return;
        }

        _order.Enqueue(key);
        if (_order.Count > Capacity)
        {
            _outcomes.Remove(_order.Dequeue());
        }
    }
}
