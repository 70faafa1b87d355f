namespace Eddy.Redis;

/// <summary>
/// The Lua scripts that make each multi-key step atomic (Redis runs a script alone, and AOF/replicas get its effects as
/// one transaction). Times come from Redis's clock (<c>TIME</c>) so every process agrees on deadlines and staleness.
/// </summary>
internal static class RedisScripts
{
    // Newlines around it: the scripts are concatenated from raw literals, which end without one.
    private const string Now = "\n" + """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """ + "\n";

    /// <summary>
    /// Appends a learn. KEYS: model, offset, stream, idempotency key, idle flag, pending key (placeholders when unused).
    /// ARGV: generation, entry, idempotency TTL ms, has key, has pending id, wake-up channel, model name.
    /// Returns {code, position}: 0 appended, 1 replayed (first position), -1 model gone, -2 no such pending prediction,
    /// -3 its label already learned, -4 it expired.
    /// </summary>
    public const string Append = """
        if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then return {-1, 0} end
        if ARGV[4] == '1' then
          local first = redis.call('GET', KEYS[4])
          if first then return {1, tonumber(first)} end
        end
        """ + Now + """

        local entry = ARGV[2]
        if ARGV[5] == '1' then
          local p = redis.call('HMGET', KEYS[6], 'd', 's', 'b')
          if not p[1] then return {-2, 0} end
          if p[2] == '1' then return {-3, 0} end
          if tonumber(p[1]) < now then return {-4, 0} end
          redis.call('HSET', KEYS[6], 's', '1')
          entry = entry .. p[3]
        end
        local n = redis.call('INCR', KEYS[2])
        redis.call('XADD', KEYS[3], '0-' .. n, 'e', entry, 't', now)
        if ARGV[4] == '1' then redis.call('SET', KEYS[4], n, 'PX', ARGV[3]) end
        if redis.call('DEL', KEYS[5]) == 1 then redis.call('PUBLISH', ARGV[6], ARGV[7]) end
        return {0, n}
        """;

    /// <summary>
    /// Appends a control entry: <c>load</c> (a snapshot the model becomes: an upload or a rollback) or <c>publish</c> (publish
    /// a version right after this position). KEYS: model, offset, stream, idle flag. ARGV: generation, field, payload,
    /// wake-up channel, model name. Returns the position, or -1 when the model is gone.
    /// </summary>
    public const string AppendControl = """
        if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then return -1 end
        """ + Now + """

        local n = redis.call('INCR', KEYS[2])
        redis.call('XADD', KEYS[3], '0-' .. n, ARGV[2], ARGV[3], 't', now)
        if redis.call('DEL', KEYS[4]) == 1 then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
        return n
        """;

    /// <summary>
    /// Stores a prediction served with an id. KEYS: pending key. ARGV: body, TTL ms. Kept for twice the TTL: expired
    /// (410) during the second, unknown (404) after. Returns 0 when the id is taken.
    /// </summary>
    public const string AddPending = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        """ + Now + """

        redis.call('HSET', KEYS[1], 'd', now + tonumber(ARGV[2]), 's', '0', 'b', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], 2 * tonumber(ARGV[2]))
        return 1
        """;

    /// <summary>Defines a model unless the name is taken. KEYS: model. ARGV: generation, definition.</summary>
    public const string Create = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'gen', ARGV[1], 'def', ARGV[2])
        return 1
        """;

    /// <summary>Deletes a model and its generation's keys. KEYS: model. ARGV: key root without the generation, versions kept.</summary>
    public const string Delete = """
        local gen = redis.call('HGET', KEYS[1], 'gen')
        if not gen then return 0 end
        local root = ARGV[1] .. gen
        local version = tonumber(redis.call('HGET', root .. ':head', 'version') or '0')
        for v = math.max(1, version - tonumber(ARGV[2])), version do redis.call('DEL', root .. ':snap:' .. v) end
        redis.call('DEL', KEYS[1], root .. ':stream', root .. ':offset', root .. ':head', root .. ':lease', root .. ':fence', root .. ':idle')
        return 1
        """;

    /// <summary>Takes the lease if free. KEYS: lease, fence. ARGV: trainer id, lease ms. Returns the new fencing token, or 0.</summary>
    public const string Acquire = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return redis.call('INCR', KEYS[2]) end
        return 0
        """;

    /// <summary>Extends the lease if still held. KEYS: lease. ARGV: trainer id, lease ms.</summary>
    public const string Renew = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
        return 0
        """;

    /// <summary>Gives the lease up if still held (a clean stop hands over at once). KEYS: lease. ARGV: trainer id.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end
        return 0
        """;

    /// <summary>
    /// Publishes a version, fenced: only the holder of the newest token may. KEYS: model, fence, head, new snapshot, old
    /// snapshot, stream. ARGV: generation, token, version, position, sequence, snapshot, trim-below position (0: none),
    /// channel, message, has old. Returns 1, -1 when the model is gone, -2 when fenced out.
    /// </summary>
    public const string Publish = """
        if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then return -1 end
        if redis.call('GET', KEYS[2]) ~= ARGV[2] then return -2 end
        """ + Now + """

        redis.call('SET', KEYS[4], ARGV[6])
        redis.call('HSET', KEYS[3], 'version', ARGV[3], 'offset', ARGV[4], 'sequence', ARGV[5], 'at', now, 'fence', ARGV[2])
        if ARGV[10] == '1' then redis.call('DEL', KEYS[5]) end
        if tonumber(ARGV[7]) > 0 then redis.call('XTRIM', KEYS[6], 'MINID', '0-' .. ARGV[7]) end
        redis.call('PUBLISH', ARGV[8], ARGV[9])
        return 1
        """;

    /// <summary>The stream head and the oldest entry after a position. KEYS: offset, stream. ARGV: first uncovered id. Returns {head, t or -1, now}.</summary>
    public const string Staleness = Now + """

        local head = tonumber(redis.call('GET', KEYS[1]) or '0')
        local e = redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', 1)
        local t = -1
        if e[1] then
          local f = e[1][2]
          for i = 1, #f, 2 do if f[i] == 't' then t = tonumber(f[i + 1]) end end
        end
        return {head, t, now}
        """;
}
