using System.Globalization;
using System.Text.Json.Nodes;
using Eddy.Base;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;
using Eddy.Server.Persistence;
using Eddy.Specs;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Tests.Monitoring;

/// <summary>The features monitor on the writer: which feature it blames, what it publishes, and its state.</summary>
public sealed class FeatureWatchTests
{
    // Two uniform features; from ShiftAt on, "shifting" moves up by 0.5 (half its range), "stable" does not.
    private const int ShiftAt = 2000;

    [Theory]
    [InlineData("""{"psi": {"reference": 500, "recent": 500}}""")]
    [InlineData("""{"detector": "ADWIN"}""")]
    [InlineData("""{"detector": "PageHinkley", "psi": {"reference": 500, "recent": 250, "bins": 5, "threshold": 0.25}}""")]
    public void Observe_OneFeatureShifts_DriftNamesItAndNotTheStableOne(string features)
    {
        ModelDefinition definition = Define(features, """{"action": "alert", "cooldown": 0}""");
        var monitor = new ModelMonitor(["Accuracy"]);
        var learner = new Learner(definition, monitor);
        for (long s = 1; s <= 2 * ShiftAt; s++)
        {
            Learn(learner, s);
        }

        JsonObject[] drifts = [.. monitor.Events.Recent().Where(e => e.Type == "drift").Select(e => (JsonObject)JsonNode.Parse(e.Data)!)];
        Assert.NotEmpty(drifts);
        Assert.All(drifts, d => Assert.Equal("features", (string?)d["monitor"]));
        Assert.All(drifts, d => Assert.Equal("shifting", (string?)d["source"]));
        long first = (long)drifts[0]["sequence"]!;
        Assert.InRange(first, ShiftAt + 1, ShiftAt + 600);
        if (!features.Contains("detector", StringComparison.Ordinal))
        {
            Assert.All(drifts, d => Assert.True(d["psi"] is { } psi && (double)psi > 0.2, d.ToJsonString()));
        }
        else if (!features.Contains("psi", StringComparison.Ordinal))
        {
            Assert.All(drifts, d => Assert.StartsWith("ADWIN", (string?)d["detector"], StringComparison.Ordinal));
        }
        else
        {
            // Whichever fired first acted (and restarted the PSI reference); each event says which it was.
            Assert.All(drifts, d => Assert.True(d["psi"] is not null || d["detector"] is not null, d.ToJsonString()));
        }
    }

    [Fact]
    public void Observe_PsiAlarm_RestartsTheReferenceOnTheNewDistribution()
    {
        ModelDefinition definition = Define("""{"psi": {"reference": 200, "recent": 200}}""", """{"action": "alert", "cooldown": 0}""");
        var monitor = new ModelMonitor(["Accuracy"]);
        var learner = new Learner(definition, monitor);
        for (long s = 1; s <= 2 * ShiftAt; s++)
        {
            Learn(learner, s);
        }

        // One alarm (the first check on shifted values); then the shifted values are the reference and nothing fires.
        ModelEvent drift = Assert.Single(monitor.Events.Recent(), e => e.Type == "drift");
        Assert.Equal(ShiftAt + 200, drift.Sequence);
        FeatureDrift[] report = [.. learner.Snapshot(learner.Schema, DateTimeOffset.UnixEpoch).Features!];
        Assert.Equal(["stable", "shifting"], report.Select(f => f.Name));
        Assert.All(report, f => Assert.Equal(2 * ShiftAt, f.Count));
        Assert.All(report, f => Assert.InRange(f.Psi, 0, 0.2));
        Assert.InRange(report[1].ReferenceMean, 0.9, 1.1);
        Assert.InRange(report[1].RecentMean, 0.9, 1.1);
        Assert.InRange(report[0].RecentMean, 0.4, 0.6);
    }

    [Fact]
    public void Observe_Names_WatchesOnlyThoseInTheGivenOrder()
    {
        ModelDefinition definition = Define("""{"detector": "ADWIN", "names": ["shifting", "absent"]}""", null);
        var learner = new Learner(definition, new ModelMonitor(["Accuracy"]));
        for (long s = 1; s <= 100; s++)
        {
            Learn(learner, s);
        }

        FeatureDrift[] report = [.. learner.Snapshot(learner.Schema, DateTimeOffset.UnixEpoch).Features!];
        Assert.Equal(["shifting", "absent"], report.Select(f => f.Name));
        Assert.Equal([100L, 0L], report.Select(f => f.Count));
        Assert.True(double.IsNaN(report[0].Psi) && double.IsNaN(report[0].ReferenceMean));
    }

    [Fact]
    public void Observe_ManyFeatures_WatchesTheFirstSixtyFourSeen()
    {
        ModelDefinition definition = Define("""{"detector": "ADWIN"}""", null);
        var learner = new Learner(definition, new ModelMonitor(["Accuracy"]));
        var raw = new RawExample();
        for (int f = 99; f >= 0; f--)
        {
            raw.SetNumber("f" + f.ToString(CultureInfo.InvariantCulture), f);
        }

        Assert.True(learner.Learn(new LearnWork(raw, Label.True, null, null), null).Succeeded);
        FeatureDrift[] report = [.. learner.Snapshot(learner.Schema, DateTimeOffset.UnixEpoch).Features!];
        Assert.Equal(FeatureWatchSpec.MaxFeatures, report.Length);
        Assert.Equal("f99", report[0].Name);
        Assert.Equal("f36", report[^1].Name);
    }

    [Theory]
    [InlineData(700)]
    [InlineData(2300)]
    public void Snapshot_MidStream_ReloadsToIdenticalBytesAndDecisions(int at)
    {
        ModelDefinition definition = Define("""{"detector": "ADWIN", "psi": {"reference": 1000, "recent": 300}}""", """{"action": "reset", "cooldown": 0}""");
        var straight = new Learner(definition, new ModelMonitor(["Accuracy"]));
        var resumed = new Learner(definition, new ModelMonitor(["Accuracy"]));
        for (long s = 1; s <= at; s++)
        {
            Learn(straight, s);
            Learn(resumed, s);
        }

        byte[] bytes = resumed.Capture(definition, 0).Serialize();
        var loaded = new Learner(definition, new ModelMonitor(["Accuracy"]));
        loaded.Load(ModelSnapshot.Deserialize(bytes));
        Assert.Equal(bytes, loaded.Capture(definition, 0).Serialize());
        for (long s = at + 1; s <= 2 * ShiftAt; s++)
        {
            Learn(straight, s);
            Learn(loaded, s);
        }

        Assert.Equal(straight.Capture(definition, 0).Serialize(), loaded.Capture(definition, 0).Serialize());
    }

    [Fact]
    public void Load_WatchStateVersion1_StillLoads()
    {
        // A watch state written before the features monitor: version 1, without the trailing features flag.
        ModelDefinition definition = DefineWithout("""{"drift": "ADWIN"}""");
        var learner = new Learner(definition, new ModelMonitor(["Accuracy"]));
        for (long s = 1; s <= 300; s++)
        {
            Learn(learner, s);
        }

        ModelSnapshot snapshot = ModelSnapshot.Deserialize(learner.Capture(definition, 0).Serialize());
        byte[] state = snapshot.WatchState.ToArray();
        Assert.Equal(2, state[0]);
        Assert.Equal(0, state[^1]);
        byte[] old = state[..^1];
        old[0] = 1;
        var loaded = new Learner(definition, new ModelMonitor(["Accuracy"]));
        loaded.Load(snapshot with { WatchState = old });
        Assert.Equal(learner.Capture(definition, 0).Serialize(), loaded.Capture(definition, 0).Serialize());
        old[0] = 3;
        Assert.ThrowsAny<Exception>(() => new Learner(definition, new ModelMonitor(["Accuracy"])).Load(snapshot with { WatchState = old }));
    }

    [Theory]
    [InlineData("""{"features": {"psi": {"bins": 1}}}""", "monitors.features.psi.bins")]
    [InlineData("""{"features": {"psi": {"bins": 101}}}""", "monitors.features.psi.bins")]
    [InlineData("""{"features": {"psi": {"reference": 9}}}""", "monitors.features.psi.reference")]
    [InlineData("""{"features": {"psi": {"recent": 100001}}}""", "monitors.features.psi.recent")]
    [InlineData("""{"features": {"psi": {"threshold": 0}}}""", "monitors.features.psi.threshold")]
    [InlineData("""{"features": {"psi": {"window": 5}}}""", "monitors.features.psi.window")]
    [InlineData("""{"features": {"psi": 3}}""", "monitors.features.psi")]
    [InlineData("""{"features": {"detector": "DDM"}}""", "monitors.features.detector")]
    [InlineData("""{"features": {"detector": "KSWIN"}}""", "monitors.features.detector")]
    [InlineData("""{"features": {"names": []}}""", "monitors.features.names")]
    [InlineData("""{"features": {"detector": "ADWIN", "names": ["a", "a"]}}""", "monitors.features.names[1]")]
    [InlineData("""{"features": {"names": ["a"]}}""", "monitors.features")]
    [InlineData("""{"features": {"bins": 3}}""", "monitors.features.bins")]
    [InlineData("""{"features": "ADWIN"}""", "monitors.features")]
    public void Define_BadFeaturesMonitor_NamesTheField(string monitors, string field)
    {
        Problems.ClientErrorException error = Assert.Throws<Problems.ClientErrorException>(() => Define(monitors, null, wrap: false));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Spec_ToJsonAndBack_IsCanonical()
    {
        ModelDefinition definition = Define("""{"detector": "KSWIN(seed=3)", "psi": {"bins": 4}, "names": ["b", "a"]}""", null);
        string json = definition.Watch!.ToJson();
        WatchSpec reread = WatchSpec.FromJson(json, EstimatorCatalog.Default, definition.MetricPrototypes);
        Assert.Equal(json, reread.ToJson());
        JsonNode features = JsonNode.Parse(json)!["monitors"]!["features"]!;
        Assert.Equal(4, (int)features["psi"]!["bins"]!);
        Assert.Equal(1000, (int)features["psi"]!["reference"]!);
        Assert.Equal(0.2, (double)features["psi"]!["threshold"]!);
    }

    private static void Learn(Learner learner, long sequence)
    {
        // A fixed pseudo-random pair per sequence (Weyl sequences), so every run and every learner sees the same stream.
        double stable = (sequence * 0.6180339887498949) % 1.0;
        double shifting = (sequence * 0.41421356237309515) % 1.0;
        if (sequence > ShiftAt)
        {
            shifting += 0.5;
        }

        var raw = new RawExample();
        raw.SetNumber("stable", stable);
        raw.SetNumber("shifting", shifting);
        LearnOutcome outcome = learner.Learn(new LearnWork(raw, Label.FromBoolean(stable > 0.5), null, null), null);
        Assert.Equal(sequence, outcome.Sequence);
    }

    private static ModelDefinition DefineWithout(string monitors) => Define(monitors, null, wrap: false);

    private static ModelDefinition Define(string monitors, string? policy, bool wrap = true)
    {
        var factory = new ModelFactory(Options.Create(new EddyServerOptions()), EstimatorCatalog.Default);
        var body = new JsonObject
        {
            ["name"] = "watched",
            ["model"] = "StandardScaler | LogisticRegression",
            ["metrics"] = new JsonArray("Accuracy"),
            ["monitors"] = wrap ? new JsonObject { ["features"] = JsonNode.Parse(monitors) } : JsonNode.Parse(monitors),
        };
        if (policy is not null)
        {
            body["policy"] = JsonNode.Parse(policy);
        }

        return factory.FromRequest(body);
    }
}
