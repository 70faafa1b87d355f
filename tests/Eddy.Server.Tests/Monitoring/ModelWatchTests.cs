using System.Text.Json.Nodes;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;
using Eddy.Server.Persistence;
using Eddy.Specs;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Tests.Monitoring;

/// <summary>Monitors and policies on the writer, in process: what they decide and what they do to the model.</summary>
public sealed class ModelWatchTests
{
    private static readonly Dataset s_phishing = RiverDatasets.Phishing();

    [Fact]
    public void Rollback_AfterConceptFlip_RestoresTheCheckpointBitForBit()
    {
        ModelDefinition definition = Define("""{"drift": "ADWIN"}""", """{"action": "rollback", "window": 100}""");
        var monitor = new ModelMonitor(["Accuracy"]);
        var learner = new Learner(definition, monitor);

        (long sequence, JsonObject policy) = LearnUntilPolicy(learner, monitor);

        long restoredTo = (long)policy["restoredTo"]!;
        Assert.True(restoredTo > 0 && restoredTo <= sequence - 100 && restoredTo % 100 == 0, $"restored to {restoredTo} for an alarm at {sequence}");
        var schema = new FeatureSchema();
        Estimator expected = TrainSeed(schema, (int)restoredTo);
        Assert.Equal(expected.SerializeState(), learner.Model.SerializeState());
        var x = new FeatureVector(learner.Schema);
        var probabilities = new ClassProbabilities();
        var expectedProbabilities = new ClassProbabilities();
        for (int row = 0; row < 20; row++)
        {
            s_phishing.Fill(row, x);
            ((Classifier)learner.Model).PredictProbaOne(x, probabilities);
            ((Classifier)expected).PredictProbaOne(x, expectedProbabilities);
            Assert.Equal(expectedProbabilities.Get(Label.True), probabilities.Get(Label.True));
        }
    }

    [Fact]
    public void Retrain_AfterConceptFlip_IsAFreshModelOnTheLastWindow()
    {
        ModelDefinition definition = Define("""{"drift": "ADWIN"}""", """{"action": "retrain", "window": 150}""");
        var monitor = new ModelMonitor(["Accuracy"]);
        var learner = new Learner(definition, monitor);

        (long sequence, _) = LearnUntilPolicy(learner, monitor);

        var schema = new FeatureSchema();
        var expected = new StandardScaler() | new LogisticRegression();
        var x = new FeatureVector(schema);
        for (long s = sequence - 150 + 1; s <= sequence; s++)
        {
            (int row, Label y) = Example(s);
            s_phishing.Fill(row, x);
            expected.LearnOne(x, y);
        }

        Assert.Equal(expected.SerializeState(), learner.Model.SerializeState());
    }

    [Fact]
    public void Snapshot_MidStreamWithMonitors_RestoresTheSameDecisions()
    {
        ModelDefinition definition = Define("""{"drift": "ADWIN", "metric": {"name": "Accuracy", "margin": 0.1}}""", """{"action": "retrain", "window": 100}""");
        var straight = new Learner(definition, new ModelMonitor(["Accuracy"]));
        var resumed = new Learner(definition, new ModelMonitor(["Accuracy"]));
        for (long s = 1; s <= 1400; s++)
        {
            Learn(straight, s);
            Learn(resumed, s);
        }

        ModelSnapshot snapshot = ModelSnapshot.Deserialize(resumed.Capture(definition, 0).Serialize());
        Assert.NotNull(snapshot.Watch);
        var loaded = new Learner(definition, new ModelMonitor(["Accuracy"]));
        loaded.Load(snapshot);
        for (long s = 1401; s <= 2500; s++)
        {
            Learn(straight, s);
            Learn(loaded, s);
        }

        Assert.Equal(straight.Model.SerializeState(), loaded.Model.SerializeState());
        Assert.Equal(straight.MetricState(), loaded.MetricState());
        Assert.Equal(straight.Capture(definition, 0).Serialize(), loaded.Capture(definition, 0).Serialize());
    }

    [Fact]
    public void MetricMonitor_RollingAccuracyCollapses_AlertsOnceThenCoolsDown()
    {
        ModelDefinition definition = Define("""{"metric": {"name": "Accuracy", "threshold": 0.75}}""", """{"action": "alert", "window": 100, "cooldown": 400}""");
        var monitor = new ModelMonitor(["Accuracy"]);
        var learner = new Learner(definition, monitor);
        for (long s = 1; s <= 1900; s++)
        {
            Learn(learner, s);
        }

        long[] alarms = [.. monitor.Events.Recent().Where(e => e.Type == "policy").Select(e => e.Sequence)];
        IReadOnlyList<double> values = learner.Snapshot(learner.Schema, DateTimeOffset.UnixEpoch).MetricValues;
        Assert.True(alarms.Length > 0, $"global {values[0]}, rolling {values[1]}");
        Assert.All(alarms, a => Assert.True(a > FlipAt, $"no alarm before the flip at {FlipAt}, got one at {a}"));
        for (int i = 1; i < alarms.Length; i++)
        {
            Assert.True(alarms[i] - alarms[i - 1] >= 400, "the cooldown separates actions");
        }
    }

    [Fact]
    public void PredictionMonitor_InputsBreak_FiresSoonAfter()
    {
        ModelDefinition definition = Define("""{"predictions": "ADWIN"}""", """{"action": "alert", "window": 100, "cooldown": 0}""");
        var monitor = new ModelMonitor(["Accuracy"]);
        var learner = new Learner(definition, monitor);

        // Phishing, then Phishing again with its inputs broken (every feature 0, as a failing upstream job would send):
        // the labels still come, the model's confidence collapses to its intercept's.
        for (long s = 1; s <= 2 * FlipAt; s++)
        {
            int row = (int)((s - 1) % s_phishing.Count);
            double scale = s <= FlipAt ? 1 : 0;
            var raw = new RawExample();
            for (int f = 0; f < s_phishing.FeatureNames.Count; f++)
            {
                raw.SetNumber(s_phishing.FeatureNames[f], scale * s_phishing.NumberAt(row, f));
            }

            learner.Learn(new LearnWork(raw, s_phishing.Target(row), null, null), null);
        }

        ModelEvent[] alarms = [.. monitor.Events.Recent().Where(e => e.Type == "drift")];
        Assert.NotEmpty(alarms);
        ModelEvent first = Assert.Single(alarms, a => a.Sequence > FlipAt && a.Sequence <= FlipAt + 200);
        Assert.Contains("\"monitor\":\"predictions\"", System.Text.Encoding.UTF8.GetString(first.Data), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"predictions": "DDM"}""", null, "monitors.predictions")]
    [InlineData("""{"drift": "ADWINN"}""", null, "monitors.drift")]
    [InlineData("""{"metric": {"name": "F1", "threshold": 0.5}}""", null, "monitors.metric.name")]
    [InlineData("""{"metric": {"name": "Accuracy"}}""", null, "monitors.metric")]
    [InlineData("""{"noise": 1}""", null, "monitors.noise")]
    [InlineData("""{"drift": "ADWIN"}""", """{"action": "explode"}""", "policy.action")]
    [InlineData("""{"drift": "ADWIN"}""", """{"window": 0}""", "policy.window")]
    [InlineData("[1]", null, "monitors")]
    public void Define_BadMonitorsOrPolicy_NamesTheField(string monitors, string? policy, string field)
    {
        Problems.ClientErrorException error = Assert.Throws<Problems.ClientErrorException>(() => Define(monitors, policy));
        Assert.Equal(field, error.Field);
    }

    // The stream: Phishing in order, then Phishing again with every label flipped (an abrupt concept change).
    private const int FlipAt = 1250;

    private static (int Row, Label Y) Example(long sequence)
    {
        int index = (int)(sequence - 1);
        int row = index % s_phishing.Count;
        Label y = s_phishing.Target(row);
        return index < FlipAt ? (row, y) : (row, Label.FromBoolean(!y.ToBinary()));
    }

    private static void Learn(Learner learner, long sequence)
    {
        (int row, Label y) = Example(sequence);
        var raw = new RawExample();
        for (int f = 0; f < s_phishing.FeatureNames.Count; f++)
        {
            raw.SetNumber(s_phishing.FeatureNames[f], s_phishing.NumberAt(row, f));
        }

        LearnOutcome outcome = learner.Learn(new LearnWork(raw, y, null, null), null);
        Assert.Equal(sequence, outcome.Sequence);
    }

    private static (long Sequence, JsonObject Policy) LearnUntilPolicy(Learner learner, ModelMonitor monitor)
    {
        for (long s = 1; s <= 2 * FlipAt; s++)
        {
            Learn(learner, s);
            foreach (ModelEvent e in monitor.Events.Recent())
            {
                if (e.Type == "policy")
                {
                    Assert.True(e.Sequence > FlipAt, $"the policy acted at {e.Sequence}, before the flip at {FlipAt}");
                    return (e.Sequence, (JsonObject)JsonNode.Parse(e.Data)!);
                }
            }
        }

        throw new Xunit.Sdk.XunitException("The drift monitor never fired.");
    }

    private static Estimator TrainSeed(FeatureSchema schema, int rows)
    {
        var model = new StandardScaler() | new LogisticRegression();
        var x = new FeatureVector(schema);
        for (long s = 1; s <= rows; s++)
        {
            (int row, Label y) = Example(s);
            s_phishing.Fill(row, x);
            model.LearnOne(x, y);
        }

        return model;
    }

    private static ModelDefinition Define(string monitors, string? policy)
    {
        var factory = new ModelFactory(Options.Create(new EddyServerOptions()), EstimatorCatalog.Default);
        var body = new JsonObject
        {
            ["name"] = "watched",
            ["model"] = "StandardScaler | LogisticRegression",
            ["metrics"] = new JsonArray("Accuracy"),
            ["monitors"] = JsonNode.Parse(monitors),
        };
        if (policy is not null)
        {
            body["policy"] = JsonNode.Parse(policy);
        }

        return factory.FromRequest(body);
    }
}
