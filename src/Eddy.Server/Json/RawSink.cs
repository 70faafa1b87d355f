namespace Eddy.Server.Json;

/// <summary>Parses features into a <see cref="RawExample"/> (the learn path and pending predictions).</summary>
internal readonly struct RawSink : IFeatureSink
{
    private readonly RawExample _example;

    public RawSink(RawExample example)
    {
        _example = example;
    }

    public void SetNumber(ReadOnlySpan<char> name, double value) => _example.SetNumber(name, value);

    public void SetCategory(ReadOnlySpan<char> name, string value) => _example.SetCategory(name, value);
}
