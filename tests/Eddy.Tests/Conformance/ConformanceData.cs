using Eddy.Datasets;

namespace Eddy.Tests.Conformance;

/// <summary>Datasets shared by conformance subclasses, loaded once per test run.</summary>
internal static class ConformanceData
{
    private static readonly Lazy<Dataset> s_phishing = new(RiverDatasets.Phishing);

    private static readonly Lazy<Dataset> s_solarFlare = new(RiverDatasets.SolarFlare);

    private static readonly Lazy<Dataset> s_trumpApproval = new(RiverDatasets.TrumpApproval);
    private static readonly Lazy<Dataset> s_imageSegments = new(RiverDatasets.ImageSegments);

    public static Dataset Phishing => s_phishing.Value;

    public static Dataset TrumpApproval => s_trumpApproval.Value;

    public static Dataset ImageSegments => s_imageSegments.Value;

    /// <summary>Categorical features (for encoders); its targets are not used by transformers.</summary>
    public static Dataset SolarFlare => s_solarFlare.Value;
}
