namespace Eddy.Server.Hosting;

/// <summary>How a learn request ended.</summary>
internal enum LearnStatus
{
    Learned,
    Replayed,
    Rejected,
    Failed,
}
