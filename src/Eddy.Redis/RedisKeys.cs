using StackExchange.Redis;

namespace Eddy.Redis;

/// <summary>
/// Every Redis key and channel Eddy uses, in one place. A model's keys share the hash tag <c>{name}</c>, so each
/// script touches one slot (Redis Cluster), and carry the model's generation, so a model deleted and created again
/// under the same name never sees the old one's stream, keys or pending predictions.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>Set of model names.</summary>
    public RedisKey Models => $"{Prefix}:models";

    /// <summary>Channel: "created name" / "deleted name".</summary>
    public RedisChannel Lifecycle => RedisChannel.Literal($"{Prefix}:lifecycle");

    /// <summary>Channel: "name version" when a trainer published a version.</summary>
    public RedisChannel Published => RedisChannel.Literal($"{Prefix}:published");

    /// <summary>Channel: "name|type|sequence|unix ms|json": a monitor event (drift, policy) recorded by a model's trainer.</summary>
    public RedisChannel Events => RedisChannel.Literal($"{Prefix}:events");

    /// <summary>Channel: a model's name, when an entry was appended while its trainer was idle (its wake-up).</summary>
    public RedisChannel Appended => RedisChannel.Literal($"{Prefix}:appended");

    /// <summary>Hash: <c>gen</c> (generation) and <c>def</c> (the definition, as the log's model-created record).</summary>
    public RedisKey Model(string name) => $"{Prefix}:{{{name}}}:model";

    public ModelKeys Of(string name, long generation) => new($"{Prefix}:{{{name}}}:{generation}");
}

/// <summary>The keys of one generation of one model.</summary>
internal sealed class ModelKeys(string root)
{
    public string Root { get; } = root;

    /// <summary>Stream of accepted learns; entry ids are <c>0-n</c>, n the dense position (the learn's sequence).</summary>
    public RedisKey Stream => Root + ":stream";

    /// <summary>Counter: the last position given.</summary>
    public RedisKey Offset => Root + ":offset";

    /// <summary>Hash: the newest published version, the position and sequence it covers, when, and by which fencing token.</summary>
    public RedisKey Head => Root + ":head";

    /// <summary>The trainer's lease (its id, with an expiry).</summary>
    public RedisKey Lease => Root + ":lease";

    /// <summary>Counter: the fencing token, incremented at every lease acquisition.</summary>
    public RedisKey Fence => Root + ":fence";

    /// <summary>Set while the trainer waits for entries: the next append notifies it.</summary>
    public RedisKey Idle => Root + ":idle";

    public RedisKey Snapshot(long version) => $"{Root}:snap:{version}";

    public RedisKey Idempotency(string key) => $"{Root}:idem:{key}";

    public RedisKey Pending(string id) => $"{Root}:pending:{id}";

    public static long PositionOf(RedisValue entryId)
    {
        string id = entryId.ToString();
        return long.Parse(id.AsSpan(id.IndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string EntryId(long position) => "0-" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
