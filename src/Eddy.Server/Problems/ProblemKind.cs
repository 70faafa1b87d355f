namespace Eddy.Server.Problems;

/// <summary>
/// Every kind of error the API reports, each with a stable problem <c>type</c> URI and an HTTP status.
/// Clients may switch on <see cref="Slug"/>; never rename one.
/// </summary>
internal sealed record ProblemKind(string Slug, int Status, string Title)
{
    public static readonly ProblemKind MalformedJson = new("malformed-json", 400, "The body is not valid JSON.");
    public static readonly ProblemKind InvalidRequest = new("invalid-request", 400, "The request is not valid.");
    public static readonly ProblemKind InvalidFeature = new("invalid-feature", 400, "A feature value cannot be used.");
    public static readonly ProblemKind InvalidLabel = new("invalid-label", 400, "The label cannot be learned by this model.");
    public static readonly ProblemKind InvalidSnapshot = new("invalid-snapshot", 400, "The snapshot cannot be loaded.");
    public static readonly ProblemKind InvalidSpec = new("invalid-spec", 400, "The model specification is not valid.");
    public static readonly ProblemKind Unauthorized = new("unauthorized", 401, "An API key is required for this route.");
    public static readonly ProblemKind ModelNotFound = new("model-not-found", 404, "There is no model with this name.");
    public static readonly ProblemKind RawFileNotFound = new("raw-file-not-found", 404, "There is no raw file with this name.");
    public static readonly ProblemKind StreamNotFound = new("stream-not-found", 404, "There is no stream with this key.");
    public static readonly ProblemKind ChallengerNotFound = new("challenger-not-found", 404, "The model has no challenger with this name.");
    public static readonly ProblemKind PendingNotFound = new("pending-not-found", 404, "There is no pending prediction with this id.");
    public static readonly ProblemKind ModelExists = new("model-exists", 409, "A model with this name already exists.");
    public static readonly ProblemKind VersionNotFound = new("version-not-found", 404, "The model has no version with this number or alias.");
    public static readonly ProblemKind VersionConflict = new("version-conflict", 409, "This change or restore cannot apply to the model as it is.");
    public static readonly ProblemKind AlreadyChampion = new("already-champion", 409, "This contender is already the champion.");
    public static readonly ProblemKind PendingIdInUse = new("pending-id-in-use", 409, "This prediction id was already used on this model.");
    public static readonly ProblemKind AlreadyLearned = new("already-learned", 409, "The label for this prediction id was already learned.");
    public static readonly ProblemKind PendingExpired = new("pending-expired", 410, "The pending prediction expired before its label arrived.");
    public static readonly ProblemKind BodyTooLarge = new("body-too-large", 413, "The body is larger than the configured limit.");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "The body must be JSON.");
    public static readonly ProblemKind RejectedUpdate = new("rejected-update", 422, "The example would make the model non-finite; it was not learned.");
    public static readonly ProblemKind ModelFailure = new("model-failure", 500, "The model failed on this request; its state is unchanged.");
    public static readonly ProblemKind StorageUnavailable = new("storage-unavailable", 503, "The model's log cannot be written; learns are refused.");
    public static readonly ProblemKind ReplicaBehind = new("replica-behind", 503, "The replica does not cover the requested sequence yet.");
    public static readonly ProblemKind ScaleOutOnly = new("scale-out-only", 409, "This operation needs the scale-out roles (published versions in Redis).");
    public static readonly ProblemKind RedisRequired = new("redis-required", 409, "This operation needs the server to run with Redis (--redis).");
    public static readonly ProblemKind NotInScaleOut = new("not-in-scale-out", 409, "This operation is not available on a scale-out server.");
    public static readonly ProblemKind SourceUnavailable = new("source-unavailable", 503, "The ingest source cannot be read now; nothing was kept.");
    public static readonly ProblemKind ShuttingDown = new("shutting-down", 503, "The model is shutting down.");

    public string Type => $"urn:eddy:problem:{Slug}";
}
