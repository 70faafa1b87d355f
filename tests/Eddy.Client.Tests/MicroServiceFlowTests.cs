using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Eddy.Base;
using Eddy.Client.Tests.Support;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Metrics;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Client.Tests;

/// <summary>
/// The seeds' ML micro-service flow end to end on River's Phishing data: ingest one source as a raw CSV, prepare
/// (join it with the other source on a key), train offline on the first half with the <c>eddy train</c> process and
/// upload, learn the second half online through the server, then evaluate: the server's metrics and state equal an
/// in-process progressive validation over the same prepared rows.
/// </summary>
public sealed class MicroServiceFlowTests
{
    private const string Target = "is_phishing";
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task IngestPrepareTrainUploadLearnEvaluate_EqualsInProcessRun()
    {
        Dataset phishing = RiverDatasets.Phishing();
        int half = phishing.Count / 2;
        string[] features = [.. phishing.FeatureNames];
        string[] siteColumns = features[..4];
        await using LiveServer server = await LiveServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };
        string directory = Directory.CreateTempSubdirectory("eddy-flow-").FullName;
        try
        {
            // Ingest: one source (id + four features) arrives as a CSV file and is kept raw.
            var sites = new StringBuilder("id," + string.Join(',', siteColumns) + "\n");
            for (int row = 0; row < phishing.Count; row++)
            {
                sites.Append(row).Append(',').AppendJoin(',', siteColumns.Select((_, f) => Number(phishing.NumberAt(row, f)))).Append('\n');
            }

            using HttpResponseMessage ingested = await http.PostAsync("/v1/ingest/sites", new StringContent(sites.ToString(), Encoding.UTF8, "text/csv"), s_cancel);
            Assert.Equal(HttpStatusCode.Created, ingested.StatusCode);

            // Prepare / combine: the other source (id, the other features, the label) joined with the ingested one.
            var rows = new JsonArray();
            for (int row = 0; row < phishing.Count; row++)
            {
                var item = new JsonObject { ["id"] = row };
                for (int f = siteColumns.Length; f < features.Length; f++)
                {
                    item[features[f]] = phishing.NumberAt(row, f);
                }

                item[Target] = phishing.Target(row).ToBinary();
                rows.Add(item);
            }

            var prepare = new JsonObject { ["rows"] = rows, ["join"] = new JsonObject { ["on"] = "id", ["source"] = "sites" }, ["coerce"] = Coercions(siteColumns) };
            using HttpResponseMessage prepared = await http.PostAsJsonAsync("/v1/prepare", prepare, s_cancel);
            Assert.Equal(HttpStatusCode.OK, prepared.StatusCode);
            JsonElement[] combined = [.. (await prepared.Content.ReadFromJsonAsync<JsonElement>(s_cancel)).GetProperty("rows").EnumerateArray()];
            Assert.Equal(phishing.Count, combined.Length);
            string[] columns = [.. combined[0].EnumerateObject().Select(p => p.Name).Where(n => n is not "id" and not Target)];
            Assert.Equal(features.Order(), columns.Order());
            for (int row = 0; row < phishing.Count; row++)
            {
                for (int f = 0; f < features.Length; f++)
                {
                    Assert.Equal(phishing.NumberAt(row, f), combined[row].GetProperty(features[f]).GetDouble());
                }
            }

            // Train offline on the first half (a real `eddy train` process) and upload it as the default model.
            string firstHalf = Path.Combine(directory, "first-half.csv");
            await File.WriteAllTextAsync(firstHalf, Csv(combined.Take(half), columns), s_cancel);
            (int exitCode, string output) = await CliProcess.RunAsync(
                "train", "-f", firstHalf, "--target", Target, "--metric", "ROCAUC", "--metric", "Accuracy", "-o", Path.Combine(directory, "first-half.snap"), "--upload", server.Address.ToString());
            Assert.True(exitCode == 0, output);
            Assert.Contains($"at sequence {half:N0}", output, StringComparison.Ordinal);

            // Learn the second half online.
            var learns = new StringBuilder("[");
            foreach (JsonElement row in combined.Skip(half))
            {
                learns.Append(learns.Length > 1 ? "," : "").Append("{\"x\":{")
                    .AppendJoin(',', columns.Select(c => $"\"{c}\":{Number(row.GetProperty(c).GetDouble())}"))
                    .Append("},\"y\":").Append(row.GetProperty(Target).GetBoolean() ? "true" : "false").Append('}');
            }

            using HttpResponseMessage learned = await http.PostAsync("/v1/models/default/learn_many", new StringContent(learns.Append(']').ToString(), Encoding.UTF8, "application/json"), s_cancel);
            Assert.Equal(HttpStatusCode.OK, learned.StatusCode);

            // Evaluate: the same prepared rows, in the same order, through the same pipeline in process.
            (RocAuc rocAuc, Accuracy accuracy, string checksum) = InProcess(combined, columns);
            JsonElement model = await http.GetFromJsonAsync<JsonElement>("/v1/models/default", s_cancel);
            Assert.Equal(phishing.Count, model.GetProperty("sequence").GetInt64());
            Assert.Equal(checksum, model.GetProperty("stateChecksum").GetString());
            JsonElement global = model.GetProperty("metrics").GetProperty("global");
            Assert.Equal(rocAuc.Value, global.GetProperty("ROCAUC").GetDouble());
            Assert.Equal(accuracy.Value, global.GetProperty("Accuracy").GetDouble());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(2, "--rows", "0", "--rows must be between 1")]
    [InlineData(2, "--file", "missing.csv", "missing.csv")]
    [InlineData(1, "--upload", "http://127.0.0.1:9", "cannot be reached")]
    public async Task Train_BadArgumentsOrNoServer_ClearMessageAndExitCode(int expected, string option, string value, string message)
    {
        string snapshot = Path.Combine(Path.GetTempPath(), $"eddy-train-{Guid.NewGuid():N}.snap");
        string[] target = option == "--file" ? ["--target", "y"] : [];
        try
        {
            (int exitCode, string output) = await CliProcess.RunAsync(["train", option, value, .. target, "-o", snapshot]);

            Assert.Equal(expected, exitCode);
            Assert.Contains(message, output.Replace(Environment.NewLine, " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    private static (RocAuc RocAuc, Accuracy Accuracy, string Checksum) InProcess(JsonElement[] rows, string[] columns)
    {
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var model = new StandardScaler() | new LogisticRegression();
        var probabilities = new ClassProbabilities();
        var rocAuc = new RocAuc();
        var accuracy = new Accuracy();
        foreach (JsonElement row in rows)
        {
            x.Clear();
            foreach (string column in columns)
            {
                x.Set(column, row.GetProperty(column).GetDouble());
            }

            Label y = row.GetProperty(Target).GetBoolean() ? Label.True : Label.False;
            if (model.PredictProbaOne(x, probabilities))
            {
                var prediction = new ClassificationPrediction(probabilities.ArgMax(), probabilities);
                rocAuc.Update(y, prediction);
                accuracy.Update(y, prediction);
            }

            model.LearnOne(x, y);
        }

        return (rocAuc, accuracy, Crc32C.Compute(EstimatorSnapshot.Save(model, schema)).ToString("x8", CultureInfo.InvariantCulture));
    }

    private static JsonObject Coercions(string[] columns)
    {
        var coerce = new JsonObject();
        foreach (string column in columns)
        {
            coerce[column] = "number";
        }

        return coerce;
    }

    private static string Csv(IEnumerable<JsonElement> rows, string[] columns)
    {
        var csv = new StringBuilder(string.Join(',', columns) + "," + Target + "\n");
        foreach (JsonElement row in rows)
        {
            csv.AppendJoin(',', columns.Select(c => Number(row.GetProperty(c).GetDouble())))
                .Append(',').Append(row.GetProperty(Target).GetBoolean() ? "true" : "false").Append('\n');
        }

        return csv.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
