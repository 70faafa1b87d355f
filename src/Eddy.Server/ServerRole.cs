namespace Eddy.Server;

/// <summary>What a server process does (see <see cref="EddyServerOptions.Role"/>).</summary>
public enum ServerRole
{
    /// <summary>Serves and learns: alone with a local log, or both roles at once over Redis.</summary>
    All,

    /// <summary>Answers predictions from published replicas; accepts learns by appending them to the shared stream.</summary>
    Server,

    /// <summary>The single writer: applies the shared stream in order and publishes replicas.</summary>
    Trainer,
}
