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
    /// Appends a batch of learns, in order (concurrent learns share one round trip: group commit). KEYS: model, offset,
    /// stream, idle flag, then per learn its idempotency key and its pending key (placeholders when unused). ARGV:
    /// generation, idempotency TTL ms, wake-up channel, model name, then per learn: entry, has key, has pending id.
    /// Returns {-1} when the model is gone, else per learn {code, position}: 0 appended, 1 replayed (first position),
    /// -2 no such pending prediction, -3 its label already learned, -4 it expired.
    /// </summary>
    public const string AppendMany = """
        if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then return {-1} end
        """ + Now + """

        local out = {}
        local count = (#ARGV - 4) / 3
        for i = 1, count do
          local a = 4 + (i - 1) * 3
          local entry = ARGV[a + 1]
          local hasKey = ARGV[a + 2] == '1'
          local hasPending = ARGV[a + 3] == '1'
          local idem = KEYS[4 + (i - 1) * 2 + 1]
          local pending = KEYS[4 + (i - 1) * 2 + 2]
          local code = 0
          local position = 0
          local first = false
          if hasKey then first = redis.call('GET', idem) end
          if first then
            code = 1
            position = tonumber(first)
          else
            if hasPending then
              local p = redis.call('HMGET', pending, 'd', 's', 'b')
              if not p[1] then code = -2
              elseif p[2] == '1' then code = -3
              elseif tonumber(p[1]) < now then code = -4
              else
                redis.call('HSET', pending, 's', '1')
                entry = entry .. p[3]
              end
            end
            if code == 0 then
              position = redis.call('INCR', KEYS[2])
              redis.call('XADD', KEYS[3], '0-' .. position, 'e', entry, 't', now)
              if hasKey then redis.call('SET', idem, position, 'PX', ARGV[2]) end
            end
          end
          out[#out + 1] = code
          out[#out + 1] = position
        end
        if redis.call('DEL', KEYS[4]) == 1 then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
        return out
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
