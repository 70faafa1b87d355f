using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Eddy.Base;
using Eddy.Server.Json;
using Eddy.Server.Persistence;

namespace Eddy.Server.Tests.Json;

/// <summary>
/// The bulk-ingestion fast path only ever recognises lines the general parser accepts, and encodes them to the same
/// record bytes; numbers come out as the same doubles as the JSON reader's.
/// </summary>
public sealed class LearnLineReaderTests
{
    [Theory]
    [InlineData("""{"x": {"a": 0.5, "b": 1, "c": -2.25e3}, "y": 1}""")]
    [InlineData("""{"y": true, "x": {"a": 1e-7, "b": true, "c": false}}""")]
    [InlineData("""{"x": {}, "y": 0.125}""")]
    [InlineData("""{"x": {"a": 1, "a": 2}, "y": 3}""")]
    [InlineData("""{"x": {"é": -0.0, "long_feature_name": 12345678901234567890}, "y": -4}""")]
    public void TryRead_CommonLines_EncodesWhatTheGeneralParserEncodes(string line)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(line);
        Span<Range> names = stackalloc Range[LearnLineReader.MaxFeatures];
        Span<double> values = stackalloc double[LearnLineReader.MaxFeatures];

        Assert.True(LearnLineReader.TryRead(utf8, names, values, out int count, out Label y));

        var fast = new BatchRecords.Encoder("m");
        fast.AddUtf8(utf8, names[..count], values[..count], y, 1);
        fast.AddUtf8(utf8, names[..count], values[..count], y, 2);
        var general = new BatchRecords.Encoder("m");
        var raw = new RawExample();
        ExampleRequest request = ExampleParser.ParseBody(new ReadOnlySequence<byte>(utf8), new RawSink(raw), 64);
        general.Add(raw, request.Y, 1);
        general.Add(raw, request.Y, 2);
        Assert.Equal(general.Take()!.Payload.ToArray(), fast.Take()!.Payload.ToArray());
    }

    [Theory]
    [InlineData("""{"x": {"a": "red"}, "y": 1}""")]
    [InlineData("""{"x": {"a": null}, "y": 1}""")]
    [InlineData("""{"x": {"a\u0062": 1}, "y": 1}""")]
    [InlineData("""{"x": {"a": 1}, "y": "cat"}""")]
    [InlineData("""{"x": {"a": 1}, "y": null}""")]
    [InlineData("""{"x": {"a": 1}}""")]
    [InlineData("""{"x": {"a": 1}, "y": 1, "id": "p"}""")]
    [InlineData("""{"x": {"a": 1}, "y": 1, "y": 2}""")]
    [InlineData("""{"x": {"a": {"b": 1}}, "y": 1}""")]
    [InlineData("""{"x": {"a": 1}, "y": 1} {}""")]
    [InlineData("""{"x": {"a": 1e400}, "y": 1}""")]
    [InlineData("""{"x": [1], "y": 1}""")]
    [InlineData("not json")]
    public void TryRead_AnythingElse_LeavesItToTheGeneralParser(string line)
    {
        Assert.False(LearnLineReader.TryRead(Encoding.UTF8.GetBytes(line), new Range[LearnLineReader.MaxFeatures], new double[LearnLineReader.MaxFeatures], out _, out _));
    }

    [Fact]
    public void TryRead_MoreFeaturesThanTheFastPathTakes_LeavesItToTheGeneralParser()
    {
        string features = string.Join(", ", Enumerable.Range(0, LearnLineReader.MaxFeatures + 1).Select(i => $"\"f{i}\": {i}"));
        Assert.False(LearnLineReader.TryRead(Encoding.UTF8.GetBytes($"{{\"x\": {{{features}}}, \"y\": 1}}"), new Range[LearnLineReader.MaxFeatures], new double[LearnLineReader.MaxFeatures], out _, out _));
    }

    [Fact]
    public void ShortDecimal_ManyNumbers_SameBitsAsTheJsonReader()
    {
        var random = new Random(7);
        var numbers = new List<string> { "0", "-0", "0.0", "-0.0", "1", "0.1", "0.5", "1.0", "1e22", "1e23", "9007199254740993", "123456789012345", "1234567890123456", "5e-324", "1.7976931348623157e308", "0.30000000000000004" };
        for (int i = 0; i < 20_000; i++)
        {
            long mantissa = random.NextInt64(0, 1L << random.Next(1, 60));
            int exponent = random.Next(-30, 30);
            string text = random.Next(3) switch
            {
                0 => (mantissa / Math.Pow(10, random.Next(0, 12))).ToString("R", CultureInfo.InvariantCulture),
                1 => $"{mantissa}e{exponent}",
                _ => $"-{mantissa}.{random.Next(0, 100000):D5}",
            };
            numbers.Add(text);
        }

        foreach (string text in numbers)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            var reader = new Utf8JsonReader(utf8);
            Assert.True(reader.Read());
            Assert.True(reader.TryGetDouble(out double expected), text);
            if (ShortDecimal.TryParse(utf8, out double actual))
            {
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{text}: {expected:R} vs {actual:R}");
            }
        }

        Assert.True(ShortDecimal.TryParse("0.5"u8, out double half) && half == 0.5);
        Assert.False(ShortDecimal.TryParse("1e23"u8, out _));
    }
}
