using Eddy.Datasets;

namespace Eddy.Tests.Conformance;

/// <summary>Datasets shared by conformance subclasses, loaded once per test run.</summary>
internal static class ConformanceData
{
    private static readonly Lazy<Dataset> s_phishing = new(RiverDatasets.Phishing);

    public static Dataset Phishing => s_phishing.Value;
}
