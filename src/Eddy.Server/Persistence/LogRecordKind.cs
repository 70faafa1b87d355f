namespace Eddy.Server.Persistence;

/// <summary>Kinds of the server's write-ahead-log records. Persisted: never renumber, only add.</summary>
internal enum LogRecordKind : byte
{
    ModelCreated = 1,
    ModelDeleted = 2,
    Learned = 3,

    /// <summary>A model replaced by an uploaded snapshot; the payload is the snapshot file.</summary>
    ModelLoaded = 4,

    /// <summary>A model's publication policy changed.</summary>
    ModelReconfigured = 5,

    /// <summary>A challenger promoted by hand; logged by the model's writer in order with its learns.</summary>
    ChallengerPromoted = 6,

    /// <summary>Examples of one model logged before they were learned (bulk ingestion); see BatchRecords.</summary>
    LearnedBatch = 7,

    /// <summary>A model's definition changed (a new version, or an earlier one restored); logged by its writer in order with its learns.</summary>
    ModelRevised = 8,
}
