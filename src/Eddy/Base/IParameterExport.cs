namespace Eddy.Base;

/// <summary>
/// An estimator whose learned parameters can be listed by feature name for inspection (weights, means, …). Not a
/// storage format: snapshots are; this is what a person reads.
/// </summary>
public interface IParameterExport
{
    /// <summary>Parameter name → value: numbers, or feature name → number maps.</summary>
    public IReadOnlyDictionary<string, object> ExportParameters(FeatureSchema schema);
}
