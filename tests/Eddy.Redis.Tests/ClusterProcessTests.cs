using System.Text.Json;
using Eddy.Redis.Tests.Support;

namespace Eddy.Redis.Tests;

/// <summary>
/// Whole deployments under failure: real <c>eddy serve</c> processes and a real redis-server, killed with SIGKILL
/// mid-load. Every acknowledged learn must be in the model exactly once, and the model bit-identical to one process
/// replaying the stream.
/// </summary>
public sealed class ClusterProcessTests
{
    private static readonly Dictionary<string, string?> KeepStream = new() { ["Eddy:Redis:TrimStream"] = "false" };

    [Fact]
    public async Task Three_servers_and_two_trainers_lose_nothing_when_the_active_trainer_and_a_server_are_killed()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        EddyNode[] trainers = await Task.WhenAll(
            EddyNode.StartProcessAsync(redis, "trainer", KeepStream),
            EddyNode.StartProcessAsync(redis, "trainer", KeepStream));
        EddyNode[] servers = await Task.WhenAll(
            EddyNode.StartProcessAsync(redis, "server"),
            EddyNode.StartProcessAsync(redis, "server"),
            EddyNode.StartProcessAsync(redis, "server"));
        try
        {
            foreach (EddyNode server in servers)
            {
                await server.WaitForModelAsync("default", _ => true);
            }

            const int Total = 600;
            var load = new Load(servers);
            var killed = new TaskCompletionSource();
            Task[] workers = [.. Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
            {
                for (int i = worker; i < Total; i += 6)
                {
                    await load.LearnAsync("default", $"k{i}", i);
                    if (i >= Total / 2)
                    {
                        // The second half goes on while the deployment loses its writer and a server.
                        await killed.Task;
                    }
                }
            }))];

            while (load.Acknowledged.Count < Total / 4)
            {
                await Task.Delay(10);
            }

            // The active trainer is the one whose id (machine/pid/…) holds the lease.
            var keys = new RedisKeys("eddy");
            long generation = (long)await redis.Database.HashGetAsync(keys.Model("default"), "gen");
            string holder = (await redis.Database.StringGetAsync(keys.Of("default", generation).Lease)).ToString();
            EddyNode active = trainers.Single(t => holder.Contains($"/{t.ProcessId}/", StringComparison.Ordinal));
            EddyNode standby = trainers.Single(t => t != active);
            load.Remove(servers[0]);
            await active.KillAsync();
            await servers[0].KillAsync();
            killed.SetResult();
            await Task.WhenAll(workers);

            Assert.Equal(Total, load.Acknowledged.Count);
            StreamReplay.Result truth = await StreamReplay.ReplayAsync(redis.Database, "default");

            // Exactly once: every acknowledged key is in the stream once, at the position it was acknowledged with.
            Assert.Equal(Total, truth.Entries);
            Assert.Equal(Total, truth.IdempotencyKeys.Distinct().Count());
            foreach ((string key, long position) in load.Acknowledged)
            {
                Assert.Equal(key, truth.IdempotencyKeys[(int)position - 1]);
            }

            // The standby took over; both surviving servers converge on the same version, equal to the replay.
            JsonElement first = await servers[1].WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == Total);
            JsonElement second = await servers[2].WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == Total && m.GetProperty("version").GetInt64() == first.GetProperty("version").GetInt64());
            Assert.Equal(truth.StateChecksum, first.GetProperty("stateChecksum").GetString());
            Assert.Equal(truth.StateChecksum, second.GetProperty("stateChecksum").GetString());
            Assert.Equal(Total, first.GetProperty("metrics").GetProperty("sequence").GetInt64());
            string newHolder = (await redis.Database.StringGetAsync(keys.Of("default", generation).Lease)).ToString();
            Assert.Contains($"/{standby.ProcessId}/", newHolder, StringComparison.Ordinal);
        }
        finally
        {
            foreach (EddyNode node in servers.Concat(trainers))
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Redis_killed_and_restarted_from_its_append_only_file_mid_load_loses_no_acknowledged_learn()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", KeepStream);
        await using EddyNode first = await EddyNode.StartInProcessAsync(redis, "server");
        await using EddyNode second = await EddyNode.StartInProcessAsync(redis, "server");
        await first.WaitForModelAsync("default", _ => true);
        await second.WaitForModelAsync("default", _ => true);

        const int Total = 400;
        var load = new Load([first, second]);
        Task[] workers = [.. Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (int i = worker; i < Total; i += 4)
            {
                await load.LearnAsync("default", $"k{i}", i);
            }
        }))];

        while (load.Acknowledged.Count < Total / 4)
        {
            await Task.Delay(5);
        }

        await redis.KillAsync();
        int acknowledgedBeforeCrash = load.Acknowledged.Count;
        await Task.Delay(500);
        await redis.StartAgainAsync();
        await Task.WhenAll(workers);

        Assert.True(acknowledgedBeforeCrash < Total);
        StreamReplay.Result truth = await StreamReplay.ReplayAsync(redis.Database, "default");
        Assert.Equal(Total, truth.Entries);
        Assert.Equal(Total, truth.IdempotencyKeys.Distinct().Count());
        foreach ((string key, long position) in load.Acknowledged)
        {
            Assert.Equal(key, truth.IdempotencyKeys[(int)position - 1]);
        }

        JsonElement a = await first.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == Total);
        JsonElement b = await second.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == Total);
        Assert.Equal(truth.StateChecksum, a.GetProperty("stateChecksum").GetString());
        Assert.Equal(truth.StateChecksum, b.GetProperty("stateChecksum").GetString());
    }
}
