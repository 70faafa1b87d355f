namespace Eddy.Server.Monitoring;

/// <summary>
/// One watched feature as the writer last published it: values seen, drifts its detector reported, the last
/// Population Stability Index checked (NaN before the first check or since a policy action), and the means of the
/// reference and recent windows (NaN when empty, or without a PSI check).
/// </summary>
internal sealed record FeatureDrift(string Name, long Count, long Drifts, double Psi, double ReferenceMean, double RecentMean);
