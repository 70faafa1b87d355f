using System.Net;
using System.Text;
using Eddy.Base;
using Eddy.Datasets;

namespace Eddy.Server.Tests.Support;

/// <summary>
/// A concept drift on real data for end-to-end scenarios: Phishing read cyclically, its labels flipped after
/// <see cref="FlipAt"/> learns, sent to a server in <c>learn_many</c> bodies of 250.
/// </summary>
internal static class FlippedPhishing
{
    public const int FlipAt = 1250;

    private static readonly Dataset s_phishing = RiverDatasets.Phishing();

    /// <summary>Creates <c>StandardScaler | LogisticRegression</c> scored by Accuracy over 250 learns, plus <paramref name="fields"/> (JSON members, starting with a comma).</summary>
    public static async Task CreateAsync(EddyApplication eddy, string name, string? fields)
    {
        using HttpResponseMessage created = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            $$"""{"name": "{{name}}", "model": "StandardScaler | LogisticRegression", "metrics": ["Accuracy"], "rollingWindow": 250{{fields}}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>Streams the drifting data; returns the rolling accuracy (250 learns) just before the flip, 250 and 500 learns after it.</summary>
    public static async Task<double[]> StreamAsync(EddyApplication eddy, string model)
    {
        await LearnRangeAsync(eddy, model, 1, FlipAt);
        double before = await RollingAccuracyAsync(eddy, model);
        await LearnRangeAsync(eddy, model, FlipAt + 1, FlipAt + 250);
        double after = await RollingAccuracyAsync(eddy, model);
        await LearnRangeAsync(eddy, model, FlipAt + 251, FlipAt + 500);
        return [before, after, await RollingAccuracyAsync(eddy, model)];
    }

    public static async Task<double> RollingAccuracyAsync(EddyApplication eddy, string model) =>
        (await eddy.GetJsonAsync($"/v1/models/{model}/metrics")).GetProperty("rolling").GetProperty("Accuracy").GetDouble();

    /// <summary>Learns stream positions <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive).</summary>
    public static async Task LearnRangeAsync(EddyApplication eddy, string model, int from, int to)
    {
        for (int start = from; start <= to; start += 250)
        {
            var body = new StringBuilder("[");
            for (int sequence = start; sequence <= Math.Min(to, start + 249); sequence++)
            {
                int row = (sequence - 1) % s_phishing.Count;
                Label y = s_phishing.Target(row);
                bool label = sequence <= FlipAt ? y.ToBinary() : !y.ToBinary();
                body.Append(sequence == start ? "" : ",").Append($"{{\"x\":{Examples.Features(s_phishing, row)},\"y\":{(label ? "true" : "false")}}}");
            }

            using HttpResponseMessage response = await eddy.Client.PostAsync($"/v1/models/{model}/learn_many", Examples.Json(body.Append(']').ToString()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
