namespace Eddy.Server.Hosting;

/// <summary>What the store knows of a pending-prediction id.</summary>
internal enum PendingLookup
{
    Pending,
    NotFound,
    Expired,
    AlreadyLearned,
}
