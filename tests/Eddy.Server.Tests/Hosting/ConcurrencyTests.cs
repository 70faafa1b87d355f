using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using Eddy.Server.Tests.Support;

namespace Eddy.Server.Tests.Hosting;

/// <summary>
/// One writer per model: concurrent clients lose no update, the writer's recorded order replays to the same bits,
/// and predictions made during the run always read a whole, published state.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Clients = 8;
    private const int LearnsPerClient = 500;

    [Fact]
    public async Task Learn_EightClientsInParallel_AllLearnedAndStateEqualsSequentialReplay()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        Dataset phishing = RiverDatasets.Phishing();
        var applied = new ConcurrentDictionary<long, int>();
        var predictions = new ConcurrentBag<(long Sequence, int Row, double PTrue)>();
        using var stop = new CancellationTokenSource();

        Task predictor = Task.Run(async () =>
        {
            int row = 0;
            while (!stop.IsCancellationRequested)
            {
                row = (row + 7) % phishing.Count;
                using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/default/predict", Examples.Predict(phishing, row));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                JsonElement answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                predictions.Add((answer.GetProperty("sequence").GetInt64(), row, answer.GetProperty("probabilities").GetProperty("true").GetDouble()));
            }
        });

        var clients = new Task[Clients];
        for (int c = 0; c < Clients; c++)
        {
            int client = c;
            clients[c] = Task.Run(async () =>
            {
                for (int i = 0; i < LearnsPerClient; i++)
                {
                    int row = ((client * LearnsPerClient) + i) % phishing.Count;
                    using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Learn(phishing, row));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    JsonElement answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.True(applied.TryAdd(answer.GetProperty("sequence").GetInt64(), row), "Two learns got the same sequence number.");
                }
            });
        }

        await Task.WhenAll(clients);
        await stop.CancelAsync();
        await predictor;

        JsonElement model = await eddy.GetJsonAsync("/v1/models/default");
        Assert.Equal(Clients * LearnsPerClient, model.GetProperty("sequence").GetInt64());
        Assert.Equal(Enumerable.Range(1, Clients * LearnsPerClient).Select(i => (long)i), applied.Keys.Order());

        // Replay the writer's order in process: the same bits, and every prediction seen during the run is the
        // replayed model's prediction at the sequence the server said it read.
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var probe = new FeatureVector(schema) { Interning = false };
        var replay = new StandardScaler() | new LogisticRegression();
        var probabilities = new ClassProbabilities();
        ILookup<long, (long Sequence, int Row, double PTrue)> bySequence = predictions.ToLookup(p => p.Sequence);
        Assert.NotEmpty(predictions);
        for (long sequence = 0; sequence <= Clients * LearnsPerClient; sequence++)
        {
            if (sequence > 0)
            {
                int row = applied[sequence];
                phishing.Fill(row, x);
                replay.LearnOne(x, phishing.Target(row));
            }

            foreach ((long _, int row, double pTrue) in bySequence[sequence])
            {
                phishing.Fill(row, probe);
                replay.PredictProbaOne(probe, probabilities);
                Assert.Equal(probabilities.Get(Label.True), pTrue);
            }
        }

        string expected = Replays.Checksum(replay, schema);
        Assert.Equal(expected, model.GetProperty("stateChecksum").GetString());
    }
}
