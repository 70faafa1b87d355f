using System.Collections.Concurrent;

namespace Eddy.Server.Hosting;

/// <summary>
/// Pending predictions of one model (delayed labels), bounded in count and in time. Predictions add entries from any
/// thread; only the model's writer resolves them, so a label is learned at most once. An entry outlives its deadline
/// (as expired) and its learning (as learned) for one more TTL, so a late or duplicate label gets a clear 410 or 409
/// rather than a bare 404; after that the id is forgotten.
/// </summary>
internal sealed class PendingPredictions
{
    private readonly ConcurrentDictionary<string, PendingPrediction> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<PendingPrediction> _byAge = new();
    private readonly TimeProvider _time;
    private int _waiting;
    private long _evicted;

    public PendingPredictions(int capacity, TimeSpan ttl, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        Capacity = capacity;
        Ttl = ttl;
        _time = time;
    }

    public int Capacity { get; }

    public TimeSpan Ttl { get; }

    /// <summary>Predictions waiting for their label.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Expired predictions dropped to respect the bound, or by age.</summary>
    public long Evicted => Interlocked.Read(ref _evicted);

    public DateTimeOffset NewDeadline() => _time.GetUtcNow() + Ttl;

    /// <summary>Adds a pending prediction; false when the id is already known (pending, learned or expired).</summary>
    public bool TryAdd(PendingPrediction prediction)
    {
        Sweep();
        if (!_entries.TryAdd(prediction.Id, prediction))
        {
            return false;
        }

        _byAge.Enqueue(prediction);
        if (Interlocked.Increment(ref _waiting) > Capacity)
        {
            EvictOldestWaiting();
        }

        return true;
    }

    public PendingLookup Find(string id, out PendingPrediction? prediction)
    {
        if (!_entries.TryGetValue(id, out prediction))
        {
            return PendingLookup.NotFound;
        }

        if (prediction.IsLearned)
        {
            return PendingLookup.AlreadyLearned;
        }

        return _time.GetUtcNow() > prediction.Deadline ? PendingLookup.Expired : PendingLookup.Pending;
    }

    /// <summary>Called by the writer once the label was learned.</summary>
    public void MarkLearned(PendingPrediction prediction)
    {
        if (prediction.TryMarkLearned())
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Forgets entries one TTL past their deadline (expired or learned): the store stays bounded.</summary>
    public void Sweep()
    {
        DateTimeOffset now = _time.GetUtcNow();
        while (_byAge.TryPeek(out PendingPrediction? oldest) && now > oldest.Deadline + Ttl)
        {
            if (!_byAge.TryDequeue(out oldest))
            {
                break;
            }

            _entries.TryRemove(new KeyValuePair<string, PendingPrediction>(oldest.Id, oldest));
            if (oldest.TryMarkLearned())
            {
                // Never labelled: it leaves the waiting count now.
                Interlocked.Decrement(ref _waiting);
                Interlocked.Increment(ref _evicted);
            }
        }
    }

    private void EvictOldestWaiting()
    {
        // Over capacity: the oldest waiting prediction is dropped (its label will get 404), newest ones are kept.
        foreach (PendingPrediction candidate in _byAge)
        {
            if (candidate.TryMarkLearned())
            {
                _entries.TryRemove(new KeyValuePair<string, PendingPrediction>(candidate.Id, candidate));
                Interlocked.Decrement(ref _waiting);
                Interlocked.Increment(ref _evicted);
                return;
            }
        }
    }
}
