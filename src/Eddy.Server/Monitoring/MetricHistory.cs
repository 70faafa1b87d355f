namespace Eddy.Server.Monitoring;

/// <summary>
/// A model's learning curve in bounded memory: points are kept every <see cref="Stride"/> learns; when the buffer is
/// full every other point goes and the stride doubles, so the curve always spans the whole run (since the server
/// started) with between half and all of <see cref="Capacity"/> points. Written by the model's writer only.
/// </summary>
internal sealed class MetricHistory
{
    public const int Capacity = 1024;

    private readonly Lock _lock = new();
    private readonly List<CurvePoint> _points = new(Capacity);
    private long _stride = 1;
    private long _next = long.MinValue;

    /// <summary>Learns between two kept points.</summary>
    public long Stride
    {
        get
        {
            lock (_lock)
            {
                return _stride;
            }
        }
    }

    /// <summary>Keeps the point when it is at least a stride past the previous one; true when kept.</summary>
    public bool Offer(CurvePoint point)
    {
        if (point.Sequence < _next)
        {
            return false;
        }

        lock (_lock)
        {
            if (_points.Count > 0 && _points[^1].Sequence == point.Sequence)
            {
                return false;
            }

            _points.Add(point);
            if (_points.Count == Capacity)
            {
                // Keep the odd positions, so the newest point stays.
                int kept = 0;
                for (int i = 1; i < _points.Count; i += 2)
                {
                    _points[kept++] = _points[i];
                }

                _points.RemoveRange(kept, _points.Count - kept);
                _stride *= 2;
            }

            _next = point.Sequence + _stride;
        }

        return true;
    }

    public CurvePoint[] Points()
    {
        lock (_lock)
        {
            return [.. _points];
        }
    }
}
