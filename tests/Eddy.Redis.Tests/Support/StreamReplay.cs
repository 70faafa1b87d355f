using Eddy.Server;
using Eddy.Server.Endpoints;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Server.Persistence;
using Eddy.Specs;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Eddy.Redis.Tests.Support;

/// <summary>
/// The single-process truth a scale-out deployment must equal: a model's whole stream read from Redis and applied in
/// order by one learner, as the local writer would.
/// </summary>
internal static class StreamReplay
{
    public sealed record Result(string StateChecksum, long Sequence, long Entries, List<string?> IdempotencyKeys);

    public static async Task<Result> ReplayAsync(IDatabase db, string model, string prefix = "eddy")
    {
        var keys = new RedisKeys(prefix);
        RedisValue[] fields = await db.HashGetAsync(keys.Model(model), ["gen", "def"]);
        Assert.False(fields[0].IsNull, $"The model '{model}' is not defined in Redis.");
        var factory = new ModelFactory(Options.Create(new EddyServerOptions()), EstimatorCatalog.Default);
        ModelDefinition definition = factory.FromLog(LogRecords.ReadModelCreated((byte[])fields[1]!));
        ModelKeys modelKeys = keys.Of(model, (long)fields[0]);
        StreamEntry[] entries = await db.StreamRangeAsync(modelKeys.Stream, "-", "+");
        var learner = new Learner(definition);
        var idempotencyKeys = new List<string?>();
        long expected = 1;
        foreach (StreamEntry entry in entries)
        {
            Assert.Equal(expected++, ModelKeys.PositionOf(entry.Id));
            if (!entry["load"].IsNull)
            {
                learner = new Learner(definition);
                learner.Load(ModelSnapshot.Deserialize((byte[])entry["load"]!));
                continue;
            }

            if (!entry["publish"].IsNull)
            {
                continue;
            }

            var reader = new Eddy.Serialization.StateReader((byte[])entry["e"]!);
            LogRecords.ReadVersion(reader);
            LearnWork work = LogRecords.ReadExample(reader, new RawExample());
            idempotencyKeys.Add(work.IdempotencyKey);
            Assert.True(learner.Learn(work, pending: null).Succeeded);
        }

        Replica replica = learner.ToReplica(0, entries.Length, DateTimeOffset.UtcNow);
        return new Result(ModelEndpoints.StateChecksum(replica), replica.Sequence, entries.Length, idempotencyKeys);
    }
}
