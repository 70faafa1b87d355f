using System.Globalization;
using System.Text;
using Eddy.Base;
using Eddy.Datasets;

namespace Eddy.Server.Tests.Support;

/// <summary>River's datasets as request bodies.</summary>
internal static class Examples
{
    /// <summary>The features of <paramref name="row"/> as a JSON object, in column order.</summary>
    public static string Features(Dataset data, int row)
    {
        var json = new StringBuilder("{");
        for (int f = 0; f < data.FeatureNames.Count; f++)
        {
            if (!data.IsPresent(row, f))
            {
                continue;
            }

            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append('"').Append(data.FeatureNames[f]).Append("\":");
            json.Append(data.FeatureKinds[f] == ColumnKind.Category
                ? $"\"{data.CategoryAt(row, f)}\""
                : data.NumberAt(row, f).ToString("R", CultureInfo.InvariantCulture));
        }

        return json.Append('}').ToString();
    }

    /// <summary>A label as JSON; binary labels as 0/1, as the seed's client sends them.</summary>
    public static string Label(Label y) => y.Kind switch
    {
        LabelKind.Boolean => y == Eddy.Base.Label.True ? "1" : "0",
        LabelKind.Text => $"\"{y.Text}\"",
        _ => y.ToDouble().ToString("R", CultureInfo.InvariantCulture),
    };

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Learn(Dataset data, int row) => Json($"{{\"x\":{Features(data, row)},\"y\":{Label(data.Target(row))}}}");

    public static StringContent Predict(Dataset data, int row) => Json($"{{\"x\":{Features(data, row)}}}");
}
