using System.Collections.Concurrent;

namespace Eddy.Server.Json;

/// <summary>A bounded pool of <see cref="RawExample"/> buffers, so learns allocate no feature storage in steady state.</summary>
internal static class RawExamplePool
{
    private const int MaxPooled = 1024;
    private static readonly ConcurrentQueue<RawExample> s_pool = new();

    public static RawExample Rent()
    {
        if (s_pool.TryDequeue(out RawExample? example))
        {
            return example;
        }

        return new RawExample();
    }

    public static void Return(RawExample example)
    {
        example.Clear();
        if (s_pool.Count < MaxPooled)
        {
            s_pool.Enqueue(example);
        }
    }
}
