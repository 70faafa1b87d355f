using BenchmarkDotNet.Attributes;
using Eddy.Datasets;
using Eddy.Drift;

namespace Eddy.Benchmarks.Drift;

/// <summary>
/// One operation = one Update on River's doctest stream (2,000 values, a shift at 1,000), replayed in a loop. The
/// detectors are warmed up first, so the figure is the steady state (no allocation per update).
/// </summary>
[MemoryDiagnoser]
public class DriftBenchmarks
{
    private double[] _stream = [];
    private ADWIN _adwin = null!;
    private PageHinkley _pageHinkley = null!;
    private KSWIN _kswin = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stream = RiverDatasets.DriftStreamRandom12345();
        _adwin = new ADWIN();
        _pageHinkley = new PageHinkley();
        _kswin = new KSWIN(seed: 42);
        Pass(_adwin);
        Pass(_pageHinkley);
        Pass(_kswin);
    }

    [Benchmark(OperationsPerInvoke = 2000, Description = "ADWIN.Update")]
    public int Adwin() => Pass(_adwin);

    [Benchmark(OperationsPerInvoke = 2000, Description = "PageHinkley.Update")]
    public int PageHinkleyUpdate() => Pass(_pageHinkley);

    [Benchmark(OperationsPerInvoke = 2000, Description = "KSWIN.Update")]
    public int Kswin() => Pass(_kswin);

    private int Pass(DriftDetector detector)
    {
        int detections = 0;
        foreach (double x in _stream)
        {
            detector.Update(x);
            detections += detector.DriftDetected ? 1 : 0;
        }

        return detections;
    }
}
