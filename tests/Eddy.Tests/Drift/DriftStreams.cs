using Eddy.Datasets;
using Eddy.Drift;
using Eddy.Drift.Binary;
using Eddy.Utils;

namespace Eddy.Tests.Drift;

/// <summary>
/// River's doctest streams (built with <c>random.Random.choices</c>, reproduced over <see cref="PythonRandom"/>),
/// the detection loops its doctests print, and the change-point series the dataset tests feed.
/// </summary>
internal static class DriftStreams
{
    /// <summary>CPython's <c>choices(population, k=k)</c>: <c>population[floor(random() * n)]</c>.</summary>
    public static double[] Choices(PythonRandom rng, double[] population, int k)
    {
        var values = new double[k];
        double n = population.Length;
        for (int i = 0; i < k; i++)
        {
            values[i] = population[(int)Math.Floor(rng.NextDouble() * n)];
        }

        return values;
    }

    /// <summary>CPython's <c>choices(population, weights, k=k)</c>: bisect on the accumulated weights.</summary>
    public static double[] Choices(PythonRandom rng, double[] population, double[] weights, int k)
    {
        var cumulative = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        double total = cumulative[^1] + 0.0;
        int hi = population.Length - 1;
        var values = new double[k];
        for (int i = 0; i < k; i++)
        {
            double u = rng.NextDouble() * total;
            int lo = 0;
            int high = hi;
            while (lo < high)
            {
                int mid = (lo + high) / 2;
                if (u < cumulative[mid])
                {
                    high = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            values[i] = population[lo];
        }

        return values;
    }

    /// <summary>River's ADWIN/PageHinkley/KSWIN doctest stream: 1,000 of {0, 1} then 1,000 of {4..7}.</summary>
    public static double[] TwoRegimes(long seed)
    {
        var rng = new PythonRandom(seed);
        return [.. Choices(rng, [0, 1], 1000), .. Choices(rng, [4, 5, 6, 7], 1000)];
    }

    /// <summary>The binary doctests' stream: 1,000 fair bits, then 1,000 with P(1) = 0.7 (<c>random.Random(42)</c>).</summary>
    public static double[] BinaryDoctestStream()
    {
        var rng = new PythonRandom(42);
        return [.. Choices(rng, [0, 1], 1000), .. Choices(rng, [0, 1], [0.3, 0.7], 1000)];
    }

    /// <summary>RunLog's pace (the series walks at about 15 and runs at about 9 between the annotated points).</summary>
    public static double[] RunLogPace()
    {
        Dataset d = DriftDatasets.RunLog();
        var pace = new double[d.Count];
        for (int row = 0; row < d.Count; row++)
        {
            pace[row] = d.Targets(row)[0];
        }

        return pace;
    }

    /// <summary>RunLog as bits for the binary detectors: 1 while running (pace under 12), 0 while walking.</summary>
    public static double[] RunLogRunning() => Array.ConvertAll(RunLogPace(), p => p < 12 ? 1.0 : 0.0);

    public static List<int> Detections(DriftDetector detector, double[] stream)
    {
        var found = new List<int>();
        for (int i = 0; i < stream.Length; i++)
        {
            detector.Update(stream[i]);
            if (detector.DriftDetected)
            {
                found.Add(i);
            }
        }

        return found;
    }

    /// <summary>The binary doctests' loop: the first warning after each drift, and every drift ("W1084", "D1334").</summary>
    public static List<string> DoctestPrints(BinaryDriftDetector detector, double[] stream)
    {
        var printed = new List<string>();
        bool printWarning = true;
        for (int i = 0; i < stream.Length; i++)
        {
            detector.Update(stream[i] == 1.0);
            if (detector.WarningDetected && printWarning)
            {
                printed.Add($"W{i}");
                printWarning = false;
            }

            if (detector.DriftDetected)
            {
                printed.Add($"D{i}");
                printWarning = true;
            }
        }

        return printed;
    }

    /// <summary>The delay from a change point to the first detection at or after it, or null when there is none.</summary>
    public static int? DelayAfter(List<int> detections, int changePoint)
    {
        foreach (int i in detections)
        {
            if (i >= changePoint)
            {
                return i - changePoint;
            }
        }

        return null;
    }
}
