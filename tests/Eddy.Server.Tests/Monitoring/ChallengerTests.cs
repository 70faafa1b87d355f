using System.Text.Json.Nodes;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Metrics;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;
using Eddy.Server.Persistence;
using Eddy.Specs;
using Eddy.Utils;
using Microsoft.Extensions.Options;

namespace Eddy.Server.Tests.Monitoring;

/// <summary>
/// Champion/challenger on the writer, in process: promotions happen exactly where the rule (recomputed here from
/// independent copies of the models and metrics) says, the holdout is Algorithm R with the model's seeded generator and
/// holds a candidate back when it is worse there, and a snapshot taken mid-stream resumes to the same bytes and decisions.
/// </summary>
public sealed class ChallengerTests
{
    // Phishing in order, then again with every label flipped: an abrupt concept change at 1,250. The champion learns
    // slowly, the challenger fast: the challenger adapts to the flip first.
    private const int FlipAt = 1250;
    private const string Main = "StandardScaler | LogisticRegression(optimizer=SGD(0.002))";
    private const string Fast = "StandardScaler | LogisticRegression(optimizer=SGD(0.5))";
    private static readonly Dataset s_phishing = RiverDatasets.Phishing();

    [Theory]
    [InlineData(100, 0.05, 100)]
    [InlineData(200, 0.0, 300)]
    [InlineData(50, 0.2, 50)]
    public void Promotion_HappensExactlyWhereTheRuleSays(int window, double margin, int minExamples)
    {
        var promotion = new JsonObject { ["metric"] = "Accuracy", ["window"] = window, ["margin"] = margin, ["min_examples"] = minExamples };
        (Learner learner, ModelMonitor monitor) = Create(promotion, holdout: null);
        long[] expected = ExpectedPromotions(window, margin, minExamples, 2 * FlipAt);
        for (long s = 1; s <= 2 * FlipAt; s++)
        {
            Learn(learner, s);
        }

        long[] actual = [.. monitor.Events.Recent().Where(e => e.Type == "promotion").Select(e => e.Sequence)];
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        ChallengerReport report = learner.ChallengerReport()!;
        string champion = expected.Length % 2 == 1 ? "fast" : "main";
        Assert.Equal(champion, Assert.Single(report.Contenders, c => c.Champion).Name);
    }

    [Fact]
    public void Promotion_MarginNoChallengerReaches_NeverHappens()
    {
        var promotion = new JsonObject { ["window"] = 100, ["margin"] = 1.0, ["min_examples"] = 100 };
        (Learner learner, ModelMonitor monitor) = Create(promotion, holdout: null);
        for (long s = 1; s <= 2 * FlipAt; s++)
        {
            Learn(learner, s);
        }

        Assert.Empty(ExpectedPromotions(100, 1.0, 100, 2 * FlipAt));
        Assert.DoesNotContain(monitor.Events.Recent(), e => e.Type == "promotion");
        Assert.Equal("main", Assert.Single(learner.ChallengerReport()!.Contenders, c => c.Champion).Name);
    }

    [Fact]
    public void Promotion_PromotedModelIsTheChallengersOwn_BitForBit()
    {
        var promotion = new JsonObject { ["window"] = 100, ["margin"] = 0.05, ["min_examples"] = 100 };
        (Learner learner, ModelMonitor monitor) = Create(promotion, holdout: null);
        long first = ExpectedPromotions(100, 0.05, 100, 2 * FlipAt)[0];
        for (long s = 1; s <= first; s++)
        {
            Learn(learner, s);
        }

        // The champion now is a model of the challenger's spec that learned every example so far.
        Estimator fast = Train(Fast, (int)first);
        Assert.Equal(fast.SerializeState(), learner.Model.SerializeState());
        ModelEvent promoted = Assert.Single(monitor.Events.Recent(), e => e.Type == "promotion");
        JsonObject data = (JsonObject)JsonNode.Parse(promoted.Data)!;
        Assert.Equal("fast", (string)data["challenger"]!);
        Assert.Equal("main", (string)data["champion"]!);
        Assert.Equal("rolling", (string)data["reason"]!);
        Assert.True((double)data["challengerRolling"]! - (double)data["championRolling"]! >= 0.05);
    }

    [Fact]
    public void Holdout_IsAlgorithmRWithTheSeededGeneratorPlusTheRecentWindow()
    {
        var holdout = new JsonObject { ["size"] = 40, ["recent"] = 0.25, ["seed"] = 7 };
        (Learner learner, _) = Create(new JsonObject { ["min_examples"] = 1_000_000 }, holdout);
        const int N = 700;
        for (long s = 1; s <= N; s++)
        {
            Learn(learner, s);
        }

        // Python: r = random.Random(7); for n in range(31, 701): j = r.randrange(n); if j < 30: slots[j] = n
        var random = new PythonRandom(7);
        var slots = new long[30];
        for (int n = 1; n <= N; n++)
        {
            if (n <= slots.Length)
            {
                slots[n - 1] = n;
            }
            else if (random.RandBelow(n) is var j && j < slots.Length)
            {
                slots[j] = n;
            }
        }

        long[] expected = [.. slots, .. Enumerable.Range(N - 9, 10).Select(n => (long)n)];
        Assert.Contains(expected, n => n <= 100);
        string[] held = [.. learner.Challengers!.Holdout!.Held().Select(Content)];
        Assert.Equal(expected.Select(n => Content(Raw(n))), held);
    }

    [Fact]
    public void Holdout_CandidateWorseOnIt_IsHeldBackAndTheScoresAreRecorded()
    {
        // A holdout of old data only (recent 0): after the flip the fast challenger wins on the rolling window but has
        // forgotten the old concept, which the holdout still holds.
        var holdout = new JsonObject { ["size"] = 300, ["recent"] = 0.0, ["seed"] = 3 };
        var promotion = new JsonObject { ["window"] = 50, ["margin"] = 0.2, ["min_examples"] = 50 };
        (Learner learner, ModelMonitor monitor) = Create(promotion, holdout);
        long ruleSaysAt = ExpectedPromotions(50, 0.2, 50, 2 * FlipAt)[0];
        Assert.True(ruleSaysAt > FlipAt, $"the rule first holds at {ruleSaysAt}, before the flip");
        for (long s = 1; s <= ruleSaysAt; s++)
        {
            Learn(learner, s);
        }

        ModelEvent held = Assert.Single(monitor.Events.Recent(), e => e.Type == "challenger");
        Assert.Equal(ruleSaysAt, held.Sequence);
        Assert.DoesNotContain(monitor.Events.Recent(), e => e.Type == "promotion");
        JsonObject data = (JsonObject)JsonNode.Parse(held.Data)!;
        Assert.Equal("held", (string)data["decision"]!);

        // The scores, recomputed: each model's accuracy over the held examples.
        Estimator fast = Train(Fast, (int)ruleSaysAt);
        Estimator main = Train(Main, (int)ruleSaysAt);
        RawExample[] examples = [.. learner.Challengers!.Holdout!.Held()];
        Assert.Equal(300, examples.Length);
        Assert.Equal(Accuracy(fast, examples), (double)data["challengerHoldout"]!);
        Assert.Equal(Accuracy(main, examples), (double)data["championHoldout"]!);
        Assert.True((double)data["challengerHoldout"]! < (double)data["championHoldout"]!);

        // Reconsidered a window later, not at every learn.
        Learn(learner, ruleSaysAt + 1);
        Assert.Single(monitor.Events.Recent(), e => e.Type == "challenger");
    }

    [Fact]
    public void Snapshot_MidStream_ResumesToTheSameBytesAndPromotionPoints()
    {
        var promotion = new JsonObject { ["window"] = 100, ["margin"] = 0.05, ["min_examples"] = 100 };
        var holdout = new JsonObject { ["size"] = 100, ["recent"] = 0.5, ["seed"] = 11 };
        (Learner straight, ModelMonitor straightMonitor) = Create(promotion, holdout);
        (Learner resumed, _) = Create(promotion, holdout);
        long[] promotions = ExpectedPromotions(100, 0.05, 100, 2 * FlipAt);
        long cut = promotions[0] + 17;
        for (long s = 1; s <= cut; s++)
        {
            Learn(straight, s);
            Learn(resumed, s);
        }

        ModelDefinition definition = Define(promotion, holdout);
        ModelSnapshot snapshot = ModelSnapshot.Deserialize(resumed.Capture(definition, 0).Serialize());
        Assert.True(double.IsFinite(snapshot.HoldoutScore));
        Assert.Equal(straight.HoldoutScore(), snapshot.HoldoutScore);
        var monitor = new ModelMonitor(["Accuracy"]);
        var loaded = new Learner(definition, monitor);
        loaded.Load(snapshot);
        Assert.Equal(straight.Model.SerializeState(), loaded.Model.SerializeState());
        for (long s = cut + 1; s <= 2 * FlipAt; s++)
        {
            Learn(straight, s);
            Learn(loaded, s);
        }

        Assert.Equal(straight.Capture(definition, 0).Serialize(), loaded.Capture(definition, 0).Serialize());
        long[] after = [.. straightMonitor.Events.Recent().Where(e => e.Type is "promotion" or "challenger" && e.Sequence > cut).Select(e => e.Sequence)];
        Assert.Equal(after, monitor.Events.Recent().Where(e => e.Type is "promotion" or "challenger").Select(e => e.Sequence));
    }

    [Fact]
    public void RestoreAfterAFailure_PromotionSinceThePublishedReplica_RebuildsThePromotedModel()
    {
        // The host restores from the published replica and re-applies the learns since; a promotion in between must
        // not bring back the old champion.
        var promotion = new JsonObject { ["window"] = 100, ["margin"] = 0.05, ["min_examples"] = 100 };
        (Learner learner, _) = Create(promotion, holdout: null);
        long promotedAt = ExpectedPromotions(100, 0.05, 100, 2 * FlipAt)[0];
        for (long s = 1; s <= promotedAt - 10; s++)
        {
            Learn(learner, s);
        }

        Replica published = learner.Snapshot(learner.Schema.Clone(), DateTimeOffset.UnixEpoch);
        var since = new List<LearnWork>();
        for (long s = promotedAt - 9; s <= promotedAt + 10; s++)
        {
            RawExample raw = Raw(s);
            var work = new LearnWork(raw, raw.Y, null, null);
            work.Outcome = learner.Learn(work, null);
            since.Add(work);
        }

        byte[] expected = learner.Model.SerializeState();
        learner.RestoreFrom(published);
        foreach (LearnWork work in since)
        {
            learner.Replay(work);
        }

        Assert.Equal(Train(Fast, (int)promotedAt + 10).SerializeState(), expected);
        Assert.Equal(expected, learner.Model.SerializeState());
    }

    [Theory]
    [InlineData("""[{"name": "x", "model": "StandardScaler | LinearRegression"}]""", null, null, "challengers[0].pipeline")]
    [InlineData("""[{"name": "x", "model": "StandardScaler | LogisticRegresion"}]""", null, null, "challengers[0].pipeline[1]")]
    [InlineData("""[{"name": "x", "pipeline": [{"LogisticRegression": {"l2": -1}}]}]""", null, null, "challengers[0].pipeline[0].LogisticRegression.l2")]
    [InlineData("""[{"name": "x", "model": "LogisticRegression"}, {"name": "x", "model": "Perceptron"}]""", null, null, "challengers[1].name")]
    [InlineData("""[{"name": "main", "model": "LogisticRegression"}]""", null, null, "challengers[0].name")]
    [InlineData("""[{"model": "LogisticRegression"}]""", null, null, "challengers[0].name")]
    [InlineData("""[{"name": "x", "model": "LogisticRegression", "seed": 1}]""", null, null, "challengers[0].seed")]
    [InlineData("""{"name": "x"}""", null, null, "challengers")]
    [InlineData(null, """{"metric": "MAE"}""", null, "promotion.metric")]
    [InlineData(null, """{"margin": -0.1}""", null, "promotion.margin")]
    [InlineData(null, """{"window": 0}""", null, "promotion.window")]
    [InlineData(null, """{"min_examples": -1}""", null, "promotion.min_examples")]
    [InlineData(null, """{"patience": 3}""", null, "promotion.patience")]
    [InlineData(null, null, """{"size": 0}""", "holdout.size")]
    [InlineData(null, null, """{"recent": 1.5}""", "holdout.recent")]
    [InlineData(null, null, """{"seed": "x"}""", "holdout.seed")]
    public void Define_BadChallengers_NamesTheField(string? challengers, string? promotion, string? holdout, string field)
    {
        var body = new JsonObject { ["name"] = "m", ["model"] = Main, ["metrics"] = new JsonArray("Accuracy") };
        body["challengers"] = challengers is null ? null : JsonNode.Parse(challengers);
        body["promotion"] = promotion is null ? null : JsonNode.Parse(promotion);
        body["holdout"] = holdout is null ? null : JsonNode.Parse(holdout);
        Problems.ClientErrorException error = Assert.Throws<Problems.ClientErrorException>(() => Factory().FromRequest(body));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Define_CanonicalJson_ReadsBackToTheSameSpecWithSeedsPinned()
    {
        ModelDefinition definition = Define(new JsonObject(), new JsonObject { ["size"] = 10 });
        string json = definition.Watch!.ToJson();
        JsonObject root = (JsonObject)JsonNode.Parse(json)!;
        Assert.Null(root["monitors"]);
        Assert.NotNull(root["holdout"]!["seed"]);
        WatchSpec reread = WatchSpec.FromJson(json, EstimatorCatalog.Default, definition.MetricPrototypes, definition.Prototype);
        Assert.Equal(json, reread.ToJson());
    }

    /// <summary>
    /// The rule, recomputed from independent copies: the champion and the challenger each predict, are scored on a
    /// rolling accuracy of <paramref name="window"/>, and learn; a promotion is due when the challenger has seen at least
    /// <paramref name="minExamples"/> and its rolling accuracy is above the champion's by at least the margin.
    /// </summary>
    private static long[] ExpectedPromotions(int window, double margin, int minExamples, long learns)
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var probabilities = new ClassProbabilities();
        var champion = (Model: Build(Main), Rolling: Rolling.Of(new Accuracy(), window));
        var challenger = (Model: Build(Fast), Rolling: Rolling.Of(new Accuracy(), window));
        var promotions = new List<long>();
        for (long s = 1; s <= learns; s++)
        {
            (int row, Label y) = Example(s);
            s_phishing.Fill(row, x);
            foreach (var (model, rolling) in new[] { champion, challenger })
            {
                var classifier = (Classifier)model;
                if (classifier.PredictProbaOne(x, probabilities) && !probabilities.ArgMax().IsNone)
                {
                    rolling.Update(y, new ClassificationPrediction(probabilities.ArgMax(), probabilities));
                }

                classifier.LearnOne(x, y);
            }

            double gain = challenger.Rolling.Value - champion.Rolling.Value;
            if (s >= minExamples && gain > 0 && gain >= margin)
            {
                promotions.Add(s);
                (champion, challenger) = (challenger, champion);
            }
        }

        return [.. promotions];
    }

    private static double Accuracy(Estimator model, RawExample[] examples)
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        s_phishing.Fill(0, x);
        var probabilities = new ClassProbabilities();
        var accuracy = new Accuracy();
        foreach (RawExample example in examples)
        {
            example.Fill(x);
            if (((Classifier)model).PredictProbaOne(x, probabilities) && !probabilities.ArgMax().IsNone)
            {
                accuracy.Update(example.Y, new ClassificationPrediction(probabilities.ArgMax(), probabilities));
            }
        }

        return accuracy.Value;
    }

    private static Estimator Build(string expression) => EstimatorCatalog.Default.ParseExpression(expression).BuildEstimator();

    private static Estimator Train(string expression, int learns)
    {
        Estimator model = Build(expression);
        var x = new FeatureVector(new FeatureSchema());
        for (long s = 1; s <= learns; s++)
        {
            (int row, Label y) = Example(s);
            s_phishing.Fill(row, x);
            ((Classifier)model).LearnOne(x, y);
        }

        return model;
    }

    private static (int Row, Label Y) Example(long sequence)
    {
        int index = (int)(sequence - 1);
        int row = index % s_phishing.Count;
        Label y = s_phishing.Target(row);
        return index < FlipAt ? (row, y) : (row, Label.FromBoolean(!y.ToBinary()));
    }

    private static void Learn(Learner learner, long sequence)
    {
        RawExample raw = Raw(sequence);
        LearnOutcome outcome = learner.Learn(new LearnWork(raw, raw.Y, null, null), null);
        Assert.Equal(sequence, outcome.Sequence);
    }

    private static RawExample Raw(long sequence)
    {
        (int row, Label y) = Example(sequence);
        var raw = new RawExample();
        for (int f = 0; f < s_phishing.FeatureNames.Count; f++)
        {
            raw.SetNumber(s_phishing.FeatureNames[f], s_phishing.NumberAt(row, f));
        }

        raw.Y = y;
        return raw;
    }

    private static string Content(RawExample example)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < example.Count; i++)
        {
            text.Append(example.NameAt(i)).Append('=').Append(example.ValueAt(i).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(';');
        }

        return text.Append(example.Y).ToString();
    }

    private static (Learner, ModelMonitor) Create(JsonObject promotion, JsonObject? holdout)
    {
        var monitor = new ModelMonitor(["Accuracy"]);
        return (new Learner(Define(promotion, holdout), monitor), monitor);
    }

    private static ModelDefinition Define(JsonObject promotion, JsonObject? holdout)
    {
        var body = new JsonObject
        {
            ["name"] = "contest",
            ["model"] = Main,
            ["metrics"] = new JsonArray("Accuracy"),
            ["challengers"] = new JsonArray(new JsonObject { ["name"] = "fast", ["model"] = Fast }),
            ["promotion"] = promotion.DeepClone(),
        };
        if (holdout is not null)
        {
            body["holdout"] = holdout.DeepClone();
        }

        return Factory().FromRequest(body);
    }

    private static ModelFactory Factory() => new(Options.Create(new EddyServerOptions()), EstimatorCatalog.Default);
}
