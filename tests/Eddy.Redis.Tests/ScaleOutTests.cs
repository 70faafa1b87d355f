using System.Net;
using System.Text.Json;
using Eddy.Redis.Tests.Support;
using Eddy.Server;
using StackExchange.Redis;

namespace Eddy.Redis.Tests;

/// <summary>
/// Scale-out behaviour with Eddy's server and trainer roles in this process and a real redis-server on loopback: the
/// write path, the read path, idempotency and delayed labels across servers, bad input, staleness, retention.
/// </summary>
public sealed class ScaleOutTests
{
    private static readonly Dictionary<string, string?> KeepStream = new() { ["Eddy:Redis:TrimStream"] = "false" };

    [Fact]
    public async Task Learns_on_any_server_reach_every_server_and_equal_a_single_process_replay()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", KeepStream);
        await using EddyNode first = await EddyNode.StartInProcessAsync(redis, "server");
        await using EddyNode second = await EddyNode.StartInProcessAsync(redis, "server");
        var load = new Load([first, second]);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (int i = worker; i < 200; i += 4)
            {
                await load.LearnAsync("default", $"k{i}", i);
            }
        })));

        // Read-your-writes: the newest acknowledged position, asked of the other server, is covered before it answers.
        long newest = load.Acknowledged.Values.Max();
        var predict = new HttpRequestMessage(HttpMethod.Post, "/v1/models/default/predict") { Content = new StringContent("""{"x": {"a": 1, "b": 0, "c": 0.5}}""", System.Text.Encoding.UTF8, "application/json") };
        predict.Headers.Add("Eddy-After", newest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using HttpResponseMessage answer = await second.Client.SendAsync(predict);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(long.Parse(answer.Headers.GetValues("Eddy-Replica-Version").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(newest, (await second.GetJsonAsync("/readyz")).GetProperty("replicas").GetProperty("default").GetProperty("offset").GetInt64());

        StreamReplay.Result truth = await StreamReplay.ReplayAsync(redis.Database, "default");
        Assert.Equal(200, truth.Entries);
        Assert.Equal(200, truth.Sequence);
        Assert.Equal(200, truth.IdempotencyKeys.Distinct().Count());
        JsonElement a = await first.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 200);
        JsonElement b = await second.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 200);
        Assert.Equal(truth.StateChecksum, a.GetProperty("stateChecksum").GetString());
        Assert.Equal(truth.StateChecksum, b.GetProperty("stateChecksum").GetString());
        Assert.Equal(a.GetProperty("version").GetInt64(), b.GetProperty("version").GetInt64());

        // The trainer says it is the writer, in /readyz and in /metrics.
        JsonElement training = (await trainer.GetJsonAsync("/readyz")).GetProperty("training").GetProperty("default");
        Assert.True(training.GetProperty("writer").GetBoolean());
        Assert.Equal(200, training.GetProperty("position").GetInt64());
        Assert.Contains("eddy_trainer_writer", await trainer.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Contains("eddy_replica_staleness", await first.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);

        // The metrics are the trainer's, computed once over the ordered stream: exactly the same on every server.
        Assert.Equal(a.GetProperty("metrics").ToString(), b.GetProperty("metrics").ToString());
        Assert.Equal(200, a.GetProperty("metrics").GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task An_idempotency_key_and_a_pending_prediction_work_across_servers()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", KeepStream);
        await using EddyNode first = await EddyNode.StartInProcessAsync(redis, "server");
        await using EddyNode second = await EddyNode.StartInProcessAsync(redis, "server");
        await first.WaitForModelAsync("default", _ => true);
        await second.WaitForModelAsync("default", _ => true);

        using HttpResponseMessage learned = await first.PostAsync("/v1/models/default/learn", Load.Example(1), "same-key");
        using HttpResponseMessage retried = await second.PostAsync("/v1/models/default/learn", Load.Example(1), "same-key");
        JsonElement original = JsonDocument.Parse(await learned.Content.ReadAsStringAsync()).RootElement;
        JsonElement replay = JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement;
        Assert.False(original.GetProperty("replayed").GetBoolean());
        Assert.True(replay.GetProperty("replayed").GetBoolean());
        Assert.Equal(original.GetProperty("sequence").GetInt64(), replay.GetProperty("sequence").GetInt64());

        // Predicted on one server, labelled on the other: learned once, with the features and prediction served.
        using HttpResponseMessage predicted = await first.PostAsync("/v1/models/default/predict", """{"id": "p-1", "x": {"a": 2, "b": 1, "c": 0}}""");
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        using HttpResponseMessage reused = await second.PostAsync("/v1/models/default/predict", """{"id": "p-1", "x": {"a": 3}}""");
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        using HttpResponseMessage label = await second.PostAsync("/v1/models/default/learn", """{"id": "p-1", "y": true}""");
        Assert.Equal(HttpStatusCode.OK, label.StatusCode);
        using HttpResponseMessage again = await first.PostAsync("/v1/models/default/learn", """{"id": "p-1", "y": false}""");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already-learned", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using HttpResponseMessage unknown = await first.PostAsync("/v1/models/default/learn", """{"id": "never", "y": false}""");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        StreamReplay.Result truth = await StreamReplay.ReplayAsync(redis.Database, "default");
        Assert.Equal(2, truth.Entries);
        JsonElement model = await first.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 2);
        Assert.Equal(truth.StateChecksum, model.GetProperty("stateChecksum").GetString());
        Assert.Equal(1, model.GetProperty("features").GetInt32() > 0 ? 1 : 0);
    }

    [Fact]
    public async Task Batches_and_NDJSON_streams_append_in_order()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", KeepStream);
        await using EddyNode server = await EddyNode.StartInProcessAsync(redis, "server");
        await server.WaitForModelAsync("default", _ => true);
        string batch = "[" + string.Join(", ", Enumerable.Range(0, 5).Select(Load.Example)) + "]";
        using HttpResponseMessage many = await server.PostAsync("/v1/models/default/learn_many", batch);
        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], JsonDocument.Parse(await many.Content.ReadAsStringAsync()).RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));

        string lines = string.Join("\n", Enumerable.Range(5, 5).Select(Load.Example)) + "\n";
        using var content = new StringContent(lines, System.Text.Encoding.UTF8, "application/x-ndjson");
        using HttpResponseMessage streamed = await server.Client.PostAsync("/v1/models/default/stream", content);
        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        string[] answers = (await streamed.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([6L, 7L, 8L, 9L, 10L], answers.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("sequence").GetInt64()));

        JsonElement model = await server.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 10);
        Assert.Equal((await StreamReplay.ReplayAsync(redis.Database, "default")).StateChecksum, model.GetProperty("stateChecksum").GetString());
    }

    [Fact]
    public async Task The_trainers_drift_and_policy_events_reach_every_server()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", KeepStream);
        await using EddyNode first = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:DefaultModel"] = "" });
        await using EddyNode second = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:DefaultModel"] = "" });
        using HttpResponseMessage created = await first.PostAsync("/v1/models", """
            {"name": "watched", "model": "StandardScaler | LogisticRegression", "metrics": ["Accuracy"],
             "monitors": {"drift": "ADWIN"}, "policy": {"action": "retrain", "window": 100}}
            """);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await second.WaitForModelAsync("watched", _ => true);

        // The concept flips half-way: the label of the same inputs is inverted.
        for (int start = 0; start < 1000; start += 100)
        {
            string batch = "[" + string.Join(", ", Enumerable.Range(start, 100).Select(i =>
            {
                double a = (i * 7919 % 100) / 25.0;
                bool y = a > 2 ^ i >= 500;
                return $$"""{"x": {"a": {{a}}}, "y": {{(y ? "true" : "false")}}}""";
            })) + "]";
            using HttpResponseMessage learned = await first.PostAsync("/v1/models/watched/learn_many", batch);
            Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        }

        JsonElement model = await second.WaitForModelAsync("watched", m => m.GetProperty("offset").GetInt64() == 1000);
        Assert.Equal((await StreamReplay.ReplayAsync(redis.Database, "watched")).StateChecksum, model.GetProperty("stateChecksum").GetString());
        foreach (EddyNode server in new[] { first, second })
        {
            JsonElement[] events = [];
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && !events.Any(e => e.GetProperty("type").GetString() == "policy"))
            {
                events = [.. (await server.GetJsonAsync("/v1/models/watched/history")).GetProperty("events").EnumerateArray()];
                await Task.Delay(25);
            }

            JsonElement drift = Assert.Single(events, e => e.GetProperty("type").GetString() == "drift");
            Assert.InRange(drift.GetProperty("data").GetProperty("sequence").GetInt64(), 501, 1000);
            JsonElement policy = Assert.Single(events, e => e.GetProperty("type").GetString() == "policy");
            Assert.Equal("retrain", policy.GetProperty("data").GetProperty("action").GetString());
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_before_the_stream_and_changes_nothing()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode server = await EddyNode.StartInProcessAsync(redis, "server");
        await server.WaitForModelAsync("default", _ => true);
        foreach (string body in new[] { """{"x": {"a": 1}, "y": "cat"}""", """{"x": {"a": 1}}""", """{"x": {"a": 1}, "y": true, "label": true}""", "{not json" })
        {
            using HttpResponseMessage response = await server.PostAsync("/v1/models/default/learn", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        StreamReplay.Result truth = await StreamReplay.ReplayAsync(redis.Database, "default");
        Assert.Equal(0, truth.Entries);
    }

    [Fact]
    public async Task Without_Redis_learns_get_503_and_predictions_are_served_saying_how_stale()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", KeepStream);
        await using EddyNode server = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:Redis:MaxStalenessMs"] = "1500" });
        var load = new Load([server]);
        for (int i = 0; i < 20; i++)
        {
            await load.LearnAsync("default", $"k{i}", i);
        }

        await server.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 20);
        await redis.KillAsync();

        using HttpResponseMessage learn = await server.PostAsync("/v1/models/default/learn", Load.Example(99), "k99");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, learn.StatusCode);
        Assert.Equal("application/problem+json", learn.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", await learn.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using HttpResponseMessage predict = await server.PostAsync("/v1/models/default/predict", """{"x": {"a": 1}}""");
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        Assert.Equal("20", JsonDocument.Parse(await predict.Content.ReadAsStringAsync()).RootElement.GetProperty("sequence").ToString());
        Assert.True(predict.Headers.Contains("Eddy-Staleness-Ms"));

        // Past the staleness bound without contact, the server says it is not ready (a balancer stops sending reads).
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode ready;
        do
        {
            await Task.Delay(100);
            using HttpResponseMessage readiness = await server.Client.GetAsync("/readyz");
            ready = readiness.StatusCode;
        }
        while (ready == HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);

        await redis.StartAgainAsync();
        await load.LearnAsync("default", "k99", 99);
        JsonElement model = await server.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 21);
        Assert.Equal((await StreamReplay.ReplayAsync(redis.Database, "default")).StateChecksum, model.GetProperty("stateChecksum").GetString());
    }

    [Fact]
    public async Task A_server_too_far_behind_its_stream_is_not_ready_until_a_trainer_catches_up()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode server = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:Redis:MaxStalenessExamples"] = "3" });
        var load = new Load([server]);
        for (int i = 0; i < 5; i++)
        {
            await load.LearnAsync("default", $"k{i}", i);
        }

        using HttpResponseMessage behind = await server.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Contains("5 examples behind", await behind.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer");
        await server.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 5);
        JsonElement ready = await server.GetJsonAsync("/readyz");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_stream_is_trimmed_below_the_previous_version_and_a_new_trainer_continues_exactly()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        var cadence = new Dictionary<string, string?> { ["Eddy:Redis:PublishEvery"] = "10", ["Eddy:Redis:KeepVersions"] = "3", ["Eddy:Redis:PublishIntervalMs"] = "100000" };
        EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", cadence);
        await using EddyNode server = await EddyNode.StartInProcessAsync(redis, "server");
        var load = new Load([server]);
        for (int i = 0; i < 100; i++)
        {
            await load.LearnAsync("default", $"k{i}", i);
        }

        await server.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 100);
        await trainer.DisposeAsync();

        var keys = new RedisKeys("eddy");
        long generation = (long)await redis.Database.HashGetAsync(keys.Model("default"), "gen");
        ModelKeys model = keys.Of("default", generation);
        StreamEntry[] kept = await redis.Database.StreamRangeAsync(model.Stream, "-", "+");
        Assert.Equal(91, ModelKeys.PositionOf(kept[0].Id));
        Assert.Equal(10, kept.Length);
        Assert.Equal(10, (long)await redis.Database.HashGetAsync(model.Head, "version"));
        Assert.False(await redis.Database.KeyExistsAsync(model.Snapshot(7)));
        Assert.True(await redis.Database.KeyExistsAsync(model.Snapshot(8)));

        // Another trainer rebuilds from the newest version plus the kept stream and goes on.
        await using EddyNode successor = await EddyNode.StartInProcessAsync(redis, "trainer", cadence);
        for (int i = 100; i < 125; i++)
        {
            await load.LearnAsync("default", $"k{i}", i);
        }

        JsonElement scaled = await server.WaitForModelAsync("default", m => m.GetProperty("offset").GetInt64() == 120);

        // The same examples, in the same order, learned by one single-process server.
        await using EddyNode local = await EddyNode.StartLocalAsync();
        for (int i = 0; i < 120; i++)
        {
            using HttpResponseMessage response = await local.PostAsync("/v1/models/default/learn", Load.Example(i));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        JsonElement single = await local.GetJsonAsync("/v1/models/default");
        Assert.Equal(single.GetProperty("stateChecksum").GetString(), scaled.GetProperty("stateChecksum").GetString());
        Assert.Equal(single.GetProperty("metrics").ToString(), scaled.GetProperty("metrics").ToString());
    }

    [Fact]
    public async Task A_model_created_or_deleted_on_one_server_is_created_or_deleted_on_all()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await using EddyNode first = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:DefaultModel"] = "" });
        await using EddyNode second = await EddyNode.StartInProcessAsync(redis, "server", new Dictionary<string, string?> { ["Eddy:DefaultModel"] = "" });
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer");
        using HttpResponseMessage created = await first.PostAsync("/v1/models", """{"name": "fraud", "model": "StandardScaler | LogisticRegression(l2=0.01)"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using HttpResponseMessage taken = await second.PostAsync("/v1/models", """{"name": "fraud", "model": "LogisticRegression"}""");
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        JsonElement model = await second.WaitForModelAsync("fraud", _ => true);
        Assert.Contains("0.01", model.GetProperty("model").GetString(), StringComparison.Ordinal);
        await new Load([second]).LearnAsync("fraud", "f1", 1);
        await first.WaitForModelAsync("fraud", m => m.GetProperty("offset").GetInt64() == 1);

        using HttpResponseMessage deleted = await second.Client.DeleteAsync("/v1/models/fraud");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            using HttpResponseMessage response = await first.Client.GetAsync("/v1/models/fraud");
            status = response.StatusCode;
            await Task.Delay(25);
        }
        while (status != HttpStatusCode.NotFound && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(await redis.Database.SetMembersAsync(new RedisKeys("eddy").Models));
    }

    [Fact]
    public async Task Versions_are_published_on_demand_rolled_back_and_uploaded_through_the_stream()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        var manual = new Dictionary<string, string?> { ["Eddy:Redis:TrimStream"] = "false", ["Eddy:Redis:PublishEvery"] = "1000000", ["Eddy:Redis:PublishIntervalMs"] = "1000000" };
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", manual);
        await using EddyNode server = await EddyNode.StartInProcessAsync(redis, "server");
        var load = new Load([server]);
        for (int i = 0; i < 10; i++)
        {
            await load.LearnAsync("default", $"k{i}", i);
        }

        JsonElement first = await PostJsonAsync(server, "/v1/models/default/publish", "");
        Assert.Equal(1, first.GetProperty("version").GetInt64());
        Assert.Equal(11, first.GetProperty("offset").GetInt64());
        Assert.Equal(10, first.GetProperty("sequence").GetInt64());
        for (int i = 10; i < 20; i++)
        {
            await load.LearnAsync("default", $"k{i}", i);
        }

        JsonElement second = await PostJsonAsync(server, "/v1/models/default/publish", "");
        Assert.Equal(2, second.GetProperty("version").GetInt64());
        Assert.NotEqual(first.GetProperty("stateChecksum").GetString(), second.GetProperty("stateChecksum").GetString());
        JsonElement published = await server.GetJsonAsync("/v1/models/default/published");
        Assert.Equal([2L, 1L], published.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt64()));

        // Rolling back makes the model version 1 again — state, sequence and metrics — and learning goes on from there.
        JsonElement rolledBack = await PostJsonAsync(server, "/v1/models/default/rollback", """{"version": 1}""");
        Assert.Equal(first.GetProperty("stateChecksum").GetString(), rolledBack.GetProperty("stateChecksum").GetString());
        Assert.Equal(10, rolledBack.GetProperty("sequence").GetInt64());
        Assert.Equal(first.GetProperty("metrics").ToString(), rolledBack.GetProperty("metrics").ToString());
        using HttpResponseMessage missing = await server.PostAsync("/v1/models/default/rollback", """{"version": 9}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        await load.LearnAsync("default", "k20", 20);
        JsonElement after = await PostJsonAsync(server, "/v1/models/default/publish", "");
        Assert.Equal(11, after.GetProperty("sequence").GetInt64());
        Assert.Equal((await StreamReplay.ReplayAsync(redis.Database, "default")).StateChecksum, after.GetProperty("stateChecksum").GetString());

        // A downloaded version uploaded under a new name becomes that model everywhere; a different spec is refused.
        byte[] snapshot = await server.Client.GetByteArrayAsync("/v1/models/default/snapshot");
        using var upload = new ByteArrayContent(snapshot);
        using HttpResponseMessage uploaded = await server.Client.PutAsync("/v1/models/copy/snapshot", upload);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        JsonElement copy = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(after.GetProperty("stateChecksum").GetString(), copy.GetProperty("stateChecksum").GetString());
        using HttpResponseMessage created = await server.PostAsync("/v1/models", """{"name": "other", "model": "LogisticRegression"}""");
        byte[] other = await server.Client.GetByteArrayAsync("/v1/models/other/snapshot");
        using var conflicting = new ByteArrayContent(other);
        using HttpResponseMessage refused = await server.Client.PutAsync("/v1/models/copy/snapshot", conflicting);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task Read_your_writes_past_the_newest_version_brings_the_replica_up_to_date_from_the_stream()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        var manual = new Dictionary<string, string?> { ["Eddy:Redis:TrimStream"] = "false", ["Eddy:Redis:PublishEvery"] = "1000000", ["Eddy:Redis:PublishIntervalMs"] = "1000000" };
        await using EddyNode trainer = await EddyNode.StartInProcessAsync(redis, "trainer", manual);
        await using EddyNode first = await EddyNode.StartInProcessAsync(redis, "server");
        await using EddyNode second = await EddyNode.StartInProcessAsync(redis, "server");
        await second.WaitForModelAsync("default", _ => true);
        var load = new Load([first]);
        for (int i = 0; i < 7; i++)
        {
            await load.LearnAsync("default", $"k{i}", i);
        }

        // predict_many honours read-your-writes too.
        var many = new HttpRequestMessage(HttpMethod.Post, "/v1/models/default/predict_many") { Content = new StringContent("""[{"x": {"a": 1}}, {"x": {"a": 2}}]""", System.Text.Encoding.UTF8, "application/json") };
        many.Headers.Add("Eddy-After", "3");
        using (HttpResponseMessage batch = await first.Client.SendAsync(many))
        {
            Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
            Assert.True(JsonDocument.Parse(await batch.Content.ReadAsStringAsync()).RootElement.GetProperty("sequence").GetInt64() >= 3);
            Assert.True(batch.Headers.Contains("Eddy-Staleness"));
        }

        // Nothing is published (the trainer's cadence is far off), yet the second server answers from a replica covering 7.
        var predict = new HttpRequestMessage(HttpMethod.Post, "/v1/models/default/predict") { Content = new StringContent("""{"x": {"a": 1}}""", System.Text.Encoding.UTF8, "application/json") };
        predict.Headers.Add("Eddy-After", "7");
        using HttpResponseMessage answer = await second.Client.SendAsync(predict);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("0", answer.Headers.GetValues("Eddy-Replica-Version").Single());
        JsonElement model = await second.GetJsonAsync("/v1/models/default");
        Assert.Equal(7, model.GetProperty("offset").GetInt64());
        StreamReplay.Result truth = await StreamReplay.ReplayAsync(redis.Database, "default");
        Assert.Equal(truth.StateChecksum, model.GetProperty("stateChecksum").GetString());
        Assert.Equal(7, model.GetProperty("metrics").GetProperty("sequence").GetInt64());

        // The trainer's own version of the same state, published later, is the same bits.
        JsonElement published = await PostJsonAsync(first, "/v1/models/default/publish", "");
        Assert.Equal(truth.StateChecksum, published.GetProperty("stateChecksum").GetString());
        JsonElement adopted = await second.WaitForModelAsync("default", m => m.GetProperty("version").GetInt64() == 1);
        Assert.Equal(truth.StateChecksum, adopted.GetProperty("stateChecksum").GetString());
        Assert.Equal(model.GetProperty("metrics").ToString(), adopted.GetProperty("metrics").ToString());
    }

    private static async Task<JsonElement> PostJsonAsync(EddyNode node, string path, string body)
    {
        using HttpResponseMessage response = await node.PostAsync(path, body.Length == 0 ? "{}" : body);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_server_started_before_Redis_is_not_ready_until_Redis_answers()
    {
        await using RedisProcess redis = await RedisProcess.StartAsync();
        await redis.KillAsync();
        await using EddyNode server = await EddyNode.StartInProcessAsync(redis, "server");
        using (HttpResponseMessage waiting = await server.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        }

        await redis.StartAgainAsync();
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using HttpResponseMessage readiness = await server.Client.GetAsync("/readyz");
            status = readiness.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
        await new Load([server]).LearnAsync("default", "k1", 1);
    }

    [Fact]
    public void A_scale_out_role_without_Redis_is_a_configuration_error()
    {
        var error = Assert.Throws<ServerConfigurationException>(() => EddyServer.Create(["--Eddy:Role=Server"], EddyRedis.Configure));
        Assert.Contains("--redis", error.Message, StringComparison.Ordinal);
    }
}
