using System.Globalization;
using System.Text;

namespace Eddy.Benchmarks.Durability;

/// <summary>
/// Examples shaped like River's Phishing dataset (its nine feature names, values 0 / 0.5 / 1 written as Python's
/// json.dumps writes them, label 0 or 1 loosely tied to the features), from a fixed seed, as the JSON bodies the
/// server's learn routes take. The same seed always gives the same bytes.
/// </summary>
internal static class PhishingLike
{
    private static readonly string[] s_names =
    [
        "empty_server_form_handler", "popup_window", "https", "request_from_other_domain",
        "anchor_from_other_domain", "is_popular", "long_url", "age_of_domain", "ip_in_url",
    ];

    private static readonly string[] s_levels = ["0.0", "0.5", "1.0"];

    /// <summary>One <c>{"x": {...}, "y": 0|1}</c> object per line, each line ending in a newline.</summary>
    public static byte[] Ndjson(int count, int seed)
    {
        var text = new StringBuilder(count * 280);
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            Append(text, random);
            text.Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A JSON array of <paramref name="count"/> objects (a <c>learn_many</c> body).</summary>
    public static byte[] Array(int count, int seed)
    {
        var text = new StringBuilder(count * 280);
        var random = new Random(seed);
        text.Append('[');
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Append(text, random);
        }

        text.Append(']');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void Append(StringBuilder text, Random random)
    {
        text.Append("{\"x\": {");
        double score = 0;
        for (int j = 0; j < s_names.Length; j++)
        {
            // The last two are integers in the dataset (0 / 1), the others floats in thirds.
            int level = j < 7 ? random.Next(3) : random.Next(2);
            score += (j % 2 == 0 ? 1 : -1) * level;
            text.Append(j == 0 ? "\"" : ", \"").Append(s_names[j]).Append("\": ");
            text.Append(j < 7 ? s_levels[level] : level.ToString(CultureInfo.InvariantCulture));
        }

        int y = score + (random.NextDouble() * 2) - 1 > 1 ? 1 : 0;
        text.Append("}, \"y\": ").Append(y).Append('}');
    }
}
