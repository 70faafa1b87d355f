using Eddy.Base;
using Eddy.Drift;
using Eddy.Serialization;
using Eddy.Trees.Splitters;

namespace Eddy.Trees.Nodes;

/// <summary>
/// River's <c>AdaLeafRegMean</c> / <c>AdaLeafRegModel</c> / <c>AdaLeafRegAdaptive</c>: a regression leaf with its own
/// error monitor and the running variance that normalizes its errors for the monitor.
/// </summary>
internal sealed class AdaptiveRegressionLeaf : RegressionLeaf
{
    public AdaptiveRegressionLeaf(
        int depth, Splitter numericTemplate, RegressionLeafMode mode, VarianceStats stats, Regressor? model, ErrorMonitor monitor)
        : base(depth, numericTemplate, mode, stats, model)
    {
        Monitor = monitor;
    }

    public ErrorMonitor Monitor { get; private set; }

    /// <summary>River's <c>_error_normalizer</c>: <c>stats.Var()</c> of the signed errors.</summary>
    public VarianceStats ErrorNormalizer { get; set; }

    public override long EstimateBytes() => base.EstimateBytes() + Monitor.EstimateBytes() + 24;

    public override void WriteState(StateWriter writer)
    {
        base.WriteState(writer);
        Monitor.WriteState(writer);
        ErrorNormalizer.WriteState(writer);
    }

    /// <summary>Reads a leaf written by <see cref="WriteState"/> (after its tag).</summary>
    public static AdaptiveRegressionLeaf Read(StateReader reader, Splitter numericTemplate, Regressor modelTemplate, DriftDetector detector)
    {
        var leaf = (AdaptiveRegressionLeaf)Read(
            reader,
            modelTemplate,
            (depth, mode, stats, model) => new AdaptiveRegressionLeaf(depth, numericTemplate, mode, stats, model, new ErrorMonitor(detector)));
        leaf.Monitor = ErrorMonitor.Read(reader, detector);
        VarianceStats normalizer = VarianceStats.Read(reader);
        StateReader.Require(normalizer.IsFinite && normalizer.N >= 0, "Invalid error normalizer in a tree leaf.");
        leaf.ErrorNormalizer = normalizer;
        return leaf;
    }
}
