using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Persistence;

/// <summary>
/// Nothing acknowledged is lost: a real server process takes concurrent learns and is killed with SIGKILL at random
/// moments, several times; after each restart every acknowledged example is in the model, and the model is bit-identical
/// to an in-process replay of the examples in the order the log gave them.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Clients = 4;

    [Fact]
    public async Task KillNine_SeveralRounds_NothingAcknowledgedLostAndStateEqualsReplay()
    {
        string data = Path.Combine(Path.GetTempPath(), "eddy-crash", Guid.NewGuid().ToString("n"));
        Dataset phishing = RiverDatasets.Phishing();
        var sequences = new ConcurrentDictionary<int, long>();   // example id → sequence the server gave it
        var sent = new ConcurrentDictionary<int, bool>();
        int nextId = 0;
        var random = new Random(20261123);
        try
        {
            for (int round = 0; round < 3; round++)
            {
                await using ServerProcess server = await ServerProcess.StartAsync(data);
                long before = await SequenceAsync(server);
                long acknowledged = sequences.IsEmpty ? 0 : sequences.Values.Max();
                Assert.True(before >= acknowledged, $"Round {round}: the model lost acknowledged learns ({before} < {acknowledged}).");

                // Examples sent but never answered before the kill: resend with the same key. Those the log kept answer
                // "replayed" with their original sequence; the others are learned now.
                foreach (int id in sent.Keys.Where(id => !sequences.ContainsKey(id)).Order().ToList())
                {
                    sequences[id] = (await LearnAsync(server, phishing, id)).Sequence;
                }

                using var stop = new CancellationTokenSource();
                var clients = new Task[Clients];
                for (int c = 0; c < Clients; c++)
                {
                    clients[c] = Task.Run(async () =>
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            int id = Interlocked.Increment(ref nextId);
                            sent[id] = true;
                            try
                            {
                                sequences[id] = (await LearnAsync(server, phishing, id)).Sequence;
                            }
                            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                            {
                                return;   // the server was killed under this request: it may or may not be logged
                            }
                        }
                    });
                }

                await Task.Delay(random.Next(300, 900));
                await server.KillAsync();
                await stop.CancelAsync();
                await Task.WhenAll(clients);
            }

            await using ServerProcess last = await ServerProcess.StartAsync(data);
            foreach (int id in sent.Keys.Where(id => !sequences.ContainsKey(id)).Order().ToList())
            {
                sequences[id] = (await LearnAsync(last, phishing, id)).Sequence;
            }

            JsonElement model = await (await last.Client.GetAsync("/v1/models/default")).Content.ReadFromJsonAsync<JsonElement>();
            long total = model.GetProperty("sequence").GetInt64();
            Assert.Equal(sent.Count, total);
            Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i), sequences.Values.Order());

            var schema = new FeatureSchema();
            var x = new FeatureVector(schema);
            var replay = new StandardScaler() | new LogisticRegression();
            foreach ((int id, long _) in sequences.OrderBy(p => p.Value))
            {
                phishing.Fill(id % phishing.Count, x);
                replay.LearnOne(x, phishing.Target(id % phishing.Count));
            }

            string expected = Replays.Checksum(replay, schema);
            Assert.Equal(expected, model.GetProperty("stateChecksum").GetString());
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<long> SequenceAsync(ServerProcess server)
    {
        JsonElement model = await (await server.Client.GetAsync("/v1/models/default")).Content.ReadFromJsonAsync<JsonElement>();
        return model.GetProperty("sequence").GetInt64();
    }

    private static async Task<(long Sequence, bool Replayed)> LearnAsync(ServerProcess server, Dataset data, int id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/models/default/learn") { Content = Examples.Learn(data, id % data.Count) };
        request.Headers.Add("Idempotency-Key", $"example-{id}");
        using HttpResponseMessage response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (answer.GetProperty("sequence").GetInt64(), answer.GetProperty("replayed").GetBoolean());
    }
}
