using System.Globalization;
using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.FeatureExtraction;

/// <summary>
/// Calendar parts of a timestamp feature: <c>{on}_year</c>, <c>_month</c>, <c>_day</c>, <c>_weekday</c> and <c>_hour</c>
/// (River has no such class; its examples write a function returning <c>x['date'].weekday()</c> and the like). Stateless.
/// </summary>
/// <remarks>
/// <para>A timestamp is an ISO-8601 string (a category, e.g. <c>"2024-03-05T14:30:00Z"</c>) or a number of seconds
/// since the Unix epoch, as Eddy feeds datetime columns. Times with an offset are converted to UTC; times without one
/// are taken as UTC. <c>weekday</c> is Python's <c>datetime.weekday()</c>: Monday is 0, Sunday 6.</para>
/// <para>The timestamp feature itself is replaced by its parts; every other feature passes through. An absent
/// timestamp gives no parts; one that does not parse is refused with <see cref="InvalidFeatureException"/>.</para>
/// </remarks>
public sealed class DatetimeParts : Transformer
{
    private const byte StateVersion = 1;
    private static readonly string[] s_allParts = ["year", "month", "day", "weekday", "hour"];

    private readonly string[] _on;
    private readonly string[] _parts;

    /// <param name="on">The timestamp features.</param>
    /// <param name="parts">Which parts to output, in this order; all five when empty.</param>
    public DatetimeParts(IEnumerable<string> on, IEnumerable<string>? parts = null)
    {
        _on = AggKeys.Validate(on ?? throw new ArgumentNullException(nameof(on)), nameof(on));
        if (_on.Length == 0)
        {
            throw new ArgumentException("Name at least one timestamp feature.", nameof(on));
        }

        _parts = AggKeys.Validate(parts, nameof(parts));
        if (_parts.Length == 0)
        {
            _parts = [.. s_allParts];
        }

        foreach (string part in _parts)
        {
            if (Array.IndexOf(s_allParts, part) < 0)
            {
                throw new ArgumentException($"'{part}' is not a part; use {string.Join(", ", s_allParts)}.", nameof(parts));
            }
        }
    }

    public IReadOnlyList<string> On => _on;

    public IReadOnlyList<string> Parts => _parts;

    public override bool AcceptsCategorical => true;

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        output.Reset(x.Schema, output.Interning);
        for (int i = 0; i < x.Count; i++)
        {
            string name = x.NameOf(x.IndexAt(i));
            if (Array.IndexOf(_on, name) < 0)
            {
                output.AppendFrom(x, i);
                continue;
            }

            DateTime time = Read(x, i, name);
            foreach (string part in _parts)
            {
                output.Set(string.Concat(name, "_", part), part switch
                {
                    "year" => time.Year,
                    "month" => time.Month,
                    "day" => time.Day,
                    "weekday" => ((int)time.DayOfWeek + 6) % 7,
                    _ => time.Hour,
                });
            }
        }
    }

    public override Estimator CloneFresh() => new DatetimeParts(_on, _parts);

    public override void WriteState(StateWriter writer) => writer.WriteHeader(nameof(DatetimeParts), StateVersion);

    public override void ReadState(StateReader reader) => reader.ReadHeader(nameof(DatetimeParts), StateVersion);

    public override string ToString() => $"DatetimeParts(on={AggKeys.Repr(_on)}, parts={AggKeys.Repr(_parts)})";

    private static DateTime Read(FeatureVector x, int position, string name)
    {
        int symbol = x.SymbolAt(position);
        if (symbol == FeatureVector.NoSymbol)
        {
            double seconds = x.ValueAt(position);
            const double Limit = 253_402_300_799; // 9999-12-31T23:59:59Z
            return seconds is >= -62_135_596_800 and <= Limit
                ? DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
                : throw new InvalidFeatureException(name, "the number of seconds since the Unix epoch is out of range.");
        }

        string text = x.SymbolText(symbol);
        return text.Length > 0 && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
            ? parsed.UtcDateTime
            : throw new InvalidFeatureException(name, $"'{text}' is not an ISO-8601 date or time.");
    }
}
