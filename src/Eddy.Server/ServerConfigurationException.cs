namespace Eddy.Server;

/// <summary>The server's settings contradict each other (e.g. a scale-out role without Redis); the message says how to fix them.</summary>
public sealed class ServerConfigurationException(string message) : Exception(message);
