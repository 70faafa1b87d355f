namespace Eddy.Server.Monitoring;

/// <summary>
/// Something that happened to a model, as sent on its server-sent event stream: <paramref name="Type"/> is the SSE
/// event name (<c>learn</c>, <c>snapshot</c>, <c>publication</c>, <c>storage-failure</c>…) and <paramref name="Data"/>
/// its JSON, serialized once for every subscriber.
/// </summary>
internal sealed record ModelEvent(string Type, long Sequence, DateTimeOffset Time, byte[] Data);
