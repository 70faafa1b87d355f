namespace Eddy.Tests.Support;

/// <summary>
/// Bytes a steady-state pass allocates on this thread. A per-example allocation shows in every pass; the runtime's
/// one-off work (tiering a hot method up mid-loop) in one at most, so the fewest of three passes is the honest figure.
/// </summary>
internal static class SteadyAllocation
{
    public static long Fewest(Action pass)
    {
        long fewest = long.MaxValue;
        for (int round = 0; round < 3 && fewest > 0; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            pass();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
