namespace Eddy.Server.Persistence;

/// <summary>What to do when the data directory already has the model named to load at start.</summary>
public enum ModelLoadMode
{
    /// <summary>Keep the model in the data directory (it may have learned since the snapshot was taken).</summary>
    IfMissing,

    /// <summary>Replace it with the snapshot (logged, like an upload).</summary>
    Replace,
}
