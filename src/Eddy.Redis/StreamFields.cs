namespace Eddy.Redis;

/// <summary>The field names of a stream entry: one of the first three, and the time Redis appended it.</summary>
internal static class StreamFields
{
    /// <summary>A learn: the log's payload version byte, then the example as a learned record carries it.</summary>
    public const string Example = "e";

    /// <summary>A snapshot file the model becomes at this position (an upload or a rollback).</summary>
    public const string Load = "load";

    /// <summary>Publish a version right after this position (on demand).</summary>
    public const string Publish = "publish";

    /// <summary>Milliseconds since the Unix epoch, by Redis's clock.</summary>
    public const string Time = "t";
}
