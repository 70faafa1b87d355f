using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Eddy.Server.Hosting;

/// <summary>
/// Threads that learn bulk batches (<c>stream?ack=logged</c>) below the priority of request handling. Those batches
/// are durable before they are learned, so nothing but the model's later learns waits on their learning: when the cores
/// are scarce, requests (predictions, and more bulk lines to log) go first and the backlog is learned in the gaps; when
/// they are not, a background thread learns at full speed (the scheduler's priorities only divide contended time).
/// </summary>
internal static class BackgroundLearning
{
    // Added to the process's nice value (Linux) for the learning threads: +10 gets about a tenth of a core that request
    // threads also want.
    private const int NiceIncrement = 10;

    private static readonly BlockingCollection<Work> s_queue = [];
    private static readonly Lazy<bool> s_started = new(StartThreads);

    /// <summary>Runs <paramref name="learn"/> on a background learning thread; the caller must not touch its state meanwhile.</summary>
    public static Task<int> RunAsync(Func<int> learn)
    {
        _ = s_started.Value;
        var work = new Work(learn);
        s_queue.Add(work);
        return work.Done.Task;
    }

    /// <summary>The Linux nice value of the calling thread, or null elsewhere (for tests).</summary>
    public static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Field 19 of /proc/thread-self/stat, counted after the command name, which may contain spaces.
        string stat = File.ReadAllText("/proc/thread-self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool StartThreads()
    {
        for (int i = 0; i < Environment.ProcessorCount; i++)
        {
            var thread = new Thread(RunThread) { IsBackground = true, Name = "Eddy bulk learning" };
            thread.Start();
        }

        return true;
    }

    private static void RunThread()
    {
        LowerPriority();
        foreach (Work work in s_queue.GetConsumingEnumerable())
        {
            try
            {
                work.Done.TrySetResult(work.Learn());
            }
            catch (Exception e)
            {
                work.Done.TrySetException(e);
            }
        }
    }

    private static void LowerPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // Thread.Priority does nothing on Linux; a thread's nice value is set by its kernel thread id. Raising it
            // needs no privilege (lowering it again would, which is why these threads keep it for good).
            _ = SetPriority(0, GetThreadId(), Math.Min(19, CurrentNice()!.Value + NiceIncrement));
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
    }

    // DllImport rather than LibraryImport: the signatures are blittable and the project allows no unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    private sealed class Work(Func<int> learn)
    {
        public Func<int> Learn { get; } = learn;

        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
