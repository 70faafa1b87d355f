using Eddy.Base;

namespace Eddy.Server.Json;

/// <summary>Parses features directly into a <see cref="FeatureVector"/> (the predict path: no copy, no interning).</summary>
internal readonly struct VectorSink : IFeatureSink
{
    private readonly FeatureVector _vector;

    public VectorSink(FeatureVector vector)
    {
        _vector = vector;
    }

    public void SetNumber(ReadOnlySpan<char> name, double value) => _vector.Set(name, value);

    public void SetCategory(ReadOnlySpan<char> name, string value) => _vector.SetCategorical(name, value);
}
