namespace Eddy.Server.Json;

/// <summary>Discards features: validates a body's shape before anything is predicted or queued.</summary>
internal readonly struct NullSink : IFeatureSink
{
    public void SetNumber(ReadOnlySpan<char> name, double value)
    {
    }

    public void SetCategory(ReadOnlySpan<char> name, string value)
    {
    }
}
