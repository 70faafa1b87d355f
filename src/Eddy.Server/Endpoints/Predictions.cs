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

    public static async Task HandleAsync(HttpContext context, ModelHost host, ServerSettings settings)
    {
        ReadOnlySequence<byte> body;
        try
        {
            body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, context.RequestAborted);
        }
        catch (ClientErrorException e)
        {
            await JsonResponse.ProblemAsync(context, e);
            return;
        }

        try
        {
            Predict(context, host, body, settings);
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

    /// <summary>Everything after the body is read runs synchronously on one thread, so per-thread buffers are safe.</summary>
    private static void Predict(HttpContext context, ModelHost host, ReadOnlySequence<byte> body, ServerSettings settings)
    {
        Replica replica = host.Replica;
        FeatureVector x = s_vector ??= new FeatureVector(replica.Schema);
        x.Reset(replica.Schema, interning: false);
        ExampleRequest request = ExampleParser.ParseBody(body, new VectorSink(x), settings.MaxJsonDepth);
        if (!request.HasX)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "The features \"x\" are missing.", "x");
        }

        if (request.HasY)
        {
            throw new ClientErrorException(ProblemKind.InvalidRequest, "A prediction takes no label; send {\"x\", \"y\"} to the learn route.", "y");
        }

        Utf8JsonWriter writer;
        try
        {
            writer = Write(context, host, replica, x, request.Id);
        }
        catch (InvalidFeatureException e)
        {
            throw new ClientErrorException(ProblemKind.InvalidFeature, e.Message, "x." + e.FeatureName);
        }

        writer.Flush();
        writer.Reset();
    }

    private static Utf8JsonWriter Write(HttpContext context, ModelHost host, Replica replica, FeatureVector x, string? id)
    {
        switch (replica.Model)
        {
            case Classifier classifier:
            {
                ClassProbabilities probabilities = s_probabilities ??= new ClassProbabilities();
                bool known = classifier.PredictProbaOne(x, probabilities);
                Label label = !known ? Label.None : classifier.PredictsFromProbabilities ? probabilities.ArgMax() : classifier.PredictOne(x);
                if (id is not null)
                {
                    var served = new ClassProbabilities();
                    probabilities.CopyTo(served);
                    AddPending(host, id, x, served, label, double.NaN, replica.Sequence);
                }

                Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
                writer.WriteStartObject();
                WriteHeader(writer, host, replica, id);
                writer.WritePropertyName("prediction"u8);
                JsonResponse.WriteLabel(writer, label);
                writer.WritePropertyName("probabilities"u8);
                JsonResponse.WriteProbabilities(writer, probabilities);
                writer.WriteEndObject();
                return writer;
            }

            case Regressor regressor:
            {
                double value = regressor.PredictOne(x);
                if (id is not null)
                {
                    AddPending(host, id, x, null, Label.None, value, replica.Sequence);
                }

                Utf8JsonWriter writer = JsonResponse.Begin(context.Response);
                writer.WriteStartObject();
                WriteHeader(writer, host, replica, id);
                writer.WriteNumber("prediction"u8, value);
                writer.WriteEndObject();
                return writer;
            }

            default:
                throw new ClientErrorException(ProblemKind.InvalidRequest, $"The model '{host.Name}' is a transformer; it makes no predictions.");
        }
    }

    private static void WriteHeader(Utf8JsonWriter writer, ModelHost host, Replica replica, string? id)
    {
        writer.WriteString("model"u8, host.Name);
        writer.WriteNumber("sequence"u8, replica.Sequence);
        if (id is not null)
        {
            writer.WriteString("id"u8, id);
        }
    }

    private static void AddPending(ModelHost host, string id, FeatureVector x, ClassProbabilities? probabilities, Label label, double value, long sequence)
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
        if (!host.Pending.TryAdd(pending))
        {
            throw new ClientErrorException(ProblemKind.PendingIdInUse, $"The prediction id '{id}' was already used on this model; ids identify one prediction.", "id");
        }
    }
}
