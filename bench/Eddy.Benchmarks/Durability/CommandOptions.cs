using System.Globalization;

namespace Eddy.Benchmarks.Durability;

/// <summary><c>--name value</c> options of the console commands.</summary>
internal sealed class CommandOptions(string[] args)
{
    public int Int(string name, int fallback)
    {
        string? text = Text(name);
        return text is null ? fallback : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    public string[] List(string name, params string[] fallback) => Text(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? fallback;

    public bool Flag(string name) => Array.IndexOf(args, name) >= 0;

    private string? Text(string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
