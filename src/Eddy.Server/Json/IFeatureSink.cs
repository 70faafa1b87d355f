namespace Eddy.Server.Json;

/// <summary>Where the request parser writes features: straight into a model's vector, or into a <see cref="RawExample"/>.</summary>
internal interface IFeatureSink
{
    public void SetNumber(ReadOnlySpan<char> name, double value);

    public void SetCategory(ReadOnlySpan<char> name, string value);
}
