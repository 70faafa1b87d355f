namespace Eddy.Server.Persistence;

/// <summary>The model named to load at start (<c>EDDY_MODEL</c>) is missing, unreachable or not a valid snapshot.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
