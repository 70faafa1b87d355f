using System.Buffers;
using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Hosting;
using Eddy.Server.Http;
using Eddy.Server.Json;
using Eddy.Server.Problems;

namespace Eddy.Server.Endpoints;

/// <summary>
/// The read path: parse the body straight into a per-thread feature vector bound to the published replica's schema
/// (unknown names stay transient), predict on the replica, write the answer. No lock, no model write.
/// </summary>
internal static class Predictions
{
    [ThreadStatic]
    private static FeatureVector? s_vector;

    [ThreadStatic]
    private static ClassProbabilities? s_probabilities;

    public static Task HandleAsync(HttpContext context, ModelHost host, ServerSettings settings) => HandleAsync(context, host, settings, scoreRoute: false);

    /// <summary>
    /// <c>POST /v1/models/{name}/score</c>: an anomaly model's score of <c>{"x"}</c> (a supervised one's of <c>{"x", "y"}</c>),
    /// pure, from the replica.
    /// </summary>
    public static Task ScoreAsync(HttpContext context, ModelHost host, ServerSettings settings) =>
        host.Definition.IsAnomaly || host.Definition.IsSupervisedAnomaly
            ? HandleAsync(context, host, settings, scoreRoute: true)
            : JsonResponse.ProblemAsync(context, ProblemKind.InvalidRequest, $"The model '{host.Name}' is not an anomaly detector; ask it with /predict.").AsTask();

    /// <summary>Read-your-writes: a prediction sent with this header waits until the replica covers the given learn sequence.</summary>
    public const string AfterHeader = "Eddy-After";

    private static async Task HandleAsync(HttpContext context, ModelHost host, ServerSettings settings, bool scoreRoute)
    {
        ReadOnlySequence<byte> body;
        try
        {
            await AwaitPositionAsync(context, host, settings);
            body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        }
        catch (ClientErrorException e)
        {
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        if (host.IsRemote)
        {
            WriteStaleness(context.Response, host);
        }

        try
        {
            // Everything from here to the flush is synchronous on one thread, so per-thread buffers are safe.
            Replica replica = host.Replica;
            FeatureVector x = Vector(replica);
            ExampleRequest request = ExampleParser.ParseBody(body, new VectorSink(x), settings.MaxJsonDepth);
            if ((request.HasY && !host.Definition.IsSupervisedAnomaly) || request.HasFeedback)
            {
                string route = scoreRoute ? "A score" : "A prediction";
                throw new ClientErrorException(ProblemKind.InvalidRequest, $"{route} takes no label; send it with the example to the learn route.", request.HasY ? "y" : "label");
            }

            Prediction prediction = Predict(host, replica, x, request, "");
            WriteVersion(context.Response, replica);
            Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
            writer.WriteStartObject();
            writer.WriteString("model"u8, host.Name);
            writer.WriteNumber("sequence"u8, replica.Sequence);
            writer.WriteNumber("version"u8, replica.Revision);
            WriteFields(writer, prediction, request.Id, replica.Output);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
        }
        catch (ClientErrorException e)
        {
            RequestBody.Release(context.Request, body);
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        RequestBody.Release(context.Request, body);
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>Honours <c>Eddy-After</c>: waits (bounded) until the replica covers that sequence, or refuses with 503.</summary>
    public static async ValueTask AwaitPositionAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        if (!context.Request.Headers.TryGetValue(AfterHeader, out var values))
        {
            return;
        }

        if (values.Count != 1 || !long.TryParse(values[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long position))
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, $"The {AfterHeader} header is one non-negative integer: the sequence a learn answered.", AfterHeader);
        }

        if (!await host.WaitForPositionAsync(position, settings.ReadYourWritesTimeout, context.RequestAborted))
        {
            context.Response.Headers.RetryAfter = "1";
            throw new ClientErrorException(
                ProblemKind.ReplicaBehind,
                $"The replica of '{host.Name}' covers sequence {host.ReplicaPosition}, not yet {position}, after waiting {settings.ReadYourWritesTimeout.TotalMilliseconds:0} ms; retry, or predict without {AfterHeader}.",
                AfterHeader);
        }
    }

    /// <summary>Scale-out: which published version answered and how far behind the stream it is.</summary>
    public static void WriteStaleness(HttpResponse response, ModelHost host)
    {
        Replica replica = host.Replica;
        response.Headers["Eddy-Replica-Version"] = replica.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["Eddy-Staleness"] = host.BehindExamples.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["Eddy-Staleness-Ms"] = host.BehindMs.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The model version that answers (<c>Eddy-Model-Version</c>; not scale-out's <c>Eddy-Replica-Version</c>).</summary>
    public static void WriteVersion(HttpResponse response, Replica replica)
    {
        int revision = replica.Revision;
        response.Headers[ModelVersionHeader] = (uint)revision < (uint)s_versionTexts.Length
            ? s_versionTexts[revision] ??= revision.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public const string ModelVersionHeader = "Eddy-Model-Version";

    // The header's text for small version numbers, so answering does not allocate it per request.
    private static readonly string?[] s_versionTexts = new string?[256];

    /// <summary>This thread's feature vector, cleared and bound to the replica's schema without interning.</summary>
    public static FeatureVector Vector(Replica replica)
    {
        FeatureVector x = s_vector ??= new FeatureVector(replica.Schema);
        x.Reset(replica.Schema, interning: false);
        return x;
    }

    /// <summary>
    /// Predicts <paramref name="x"/> on the replica; with an id, stores the pending prediction. The probabilities live
    /// in a per-thread buffer until the next call on this thread.
    /// </summary>
    public static Prediction Predict(ModelHost host, Replica replica, FeatureVector x, ExampleRequest request, string path)
    {
        if (!request.HasX)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "The features \"x\" are missing.", path + "x");
        }

        host.CountPrediction();

        try
        {
            switch (replica.Model)
            {
                case Classifier classifier:
                {
                    ClassProbabilities probabilities = s_probabilities ??= new ClassProbabilities();
                    bool known = classifier.PredictProbaOne(x, probabilities);
                    Label label = !known ? Label.None : classifier.PredictsFromProbabilities ? probabilities.ArgMax() : classifier.PredictOne(x);
                    if (request.Id is not null)
                    {
                        var served = new ClassProbabilities();
                        probabilities.CopyTo(served);
                        AddPending(host, request.Id, x, served, label, double.NaN, replica.Sequence, path);
                    }

                    return new Prediction(label, probabilities, double.NaN);
                }

                case Regressor regressor:
                {
                    double value = regressor.PredictOne(x);
                    if (request.Id is not null)
                    {
                        AddPending(host, request.Id, x, null, Label.None, value, replica.Sequence, path);
                    }

                    return new Prediction(Label.None, null, value);
                }

                case AnomalyDetector detector:
                {
                    if (request.Id is not null)
                    {
                        throw new ClientErrorException(ProblemKind.InvalidRequest, "An anomaly model keeps no pending predictions; score without an \"id\".", path + "id");
                    }

                    return new Prediction(Label.None, null, detector.ScoreOne(x), IsScore: true);
                }

                case SupervisedAnomalyDetector supervised:
                    return new Prediction(Label.None, null, ScoreTarget(supervised, x, request, path), IsScore: true);

                default:
                    throw new ClientErrorException(ProblemKind.InvalidRequest, $"The model '{host.Name}' is a transformer; it makes no predictions.");
            }
        }
        catch (InvalidFeatureException e)
        {
            throw new ClientErrorException(ProblemKind.InvalidFeature, e.Message, path + "x." + e.FeatureName);
        }
    }

    /// <summary>A supervised anomaly detector's score of the request's target "y" given x.</summary>
    private static double ScoreTarget(SupervisedAnomalyDetector detector, FeatureVector x, ExampleRequest request, string path)
    {
        if (request.Id is not null)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "An anomaly model keeps no pending predictions; score without an \"id\".", path + "id");
        }

        if (!request.HasY)
        {
            throw new ClientErrorException(ProblemKind.InvalidLabel, "A supervised anomaly model scores a target: send the features \"x\" with \"y\".", path + "y");
        }

        try
        {
            return detector.ScoreOne(x, request.Y.ToDouble());
        }
        catch (InvalidLabelException e)
        {
            throw new ClientErrorException(ProblemKind.InvalidLabel, e.Message, path + "y");
        }
    }

    /// <summary>Writes <c>"id"</c>, <c>"prediction"</c> and, for classifiers, <c>"probabilities"</c> into an open object.</summary>
    public static void WriteFields(Utf8JsonWriter writer, Prediction prediction, string? id, OutputMapping? output)
    {
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }

        if (prediction.IsScore)
        {
            writer.WriteNumber("score"u8, prediction.Value);
        }
        else if (prediction.Probabilities is { } probabilities)
        {
            writer.WritePropertyName("prediction"u8);
            if (output is null)
            {
                JsonResponse.WriteLabel(writer, prediction.Label);
                writer.WritePropertyName("probabilities"u8);
                JsonResponse.WriteProbabilities(writer, probabilities);
                return;
            }

            output.WriteLabel(writer, output.Decide(prediction.Label, probabilities));
            writer.WritePropertyName("probabilities"u8);
            output.WriteProbabilities(writer, probabilities);
        }
        else
        {
            writer.WriteNumber("prediction"u8, output?.Shape(prediction.Value) ?? prediction.Value);
            if (output?.Unit is { } unit)
            {
                writer.WriteString("unit"u8, unit);
            }
        }
    }

    private static void AddPending(ModelHost host, string id, FeatureVector x, ClassProbabilities? probabilities, Label label, double value, long sequence, string path)
    {
        var features = new RawExample();
        for (int i = 0; i < x.Count; i++)
        {
            string name = x.NameOf(x.IndexAt(i));
            int symbol = x.SymbolAt(i);
            if (symbol == FeatureVector.NoSymbol)
            {
                features.SetNumber(name, x.ValueAt(i));
            }
            else
            {
                features.SetCategory(name, x.SymbolText(symbol));
            }
        }

        var pending = new PendingPrediction(id, features, probabilities, label, value, sequence, host.Pending.NewDeadline());
        if (!host.TryAddPending(pending))
        {
            throw new ClientErrorException(ProblemKind.PendingIdInUse, $"The prediction id '{id}' was already used on this model; an id identifies one prediction.", path + "id");
        }
    }

    /// <summary>A prediction: the class and its distribution (classifiers), the value (regressors) or the score (anomaly models).</summary>
    internal readonly record struct Prediction(Label Label, ClassProbabilities? Probabilities, double Value, bool IsScore = false);
}
