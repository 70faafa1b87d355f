using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Trees.Nodes;
using Eddy.Trees.Splitters;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>River's <c>RandomLeafMean</c> / <c>RandomLeafModel</c> / <c>RandomLeafAdaptive</c>.</summary>
internal sealed class RandomRegressionLeaf : RegressionLeaf
{
    private readonly FeatureSubset _subset;

    public RandomRegressionLeaf(
        int depth, Splitter numericTemplate, RegressionLeafMode mode, VarianceStats stats, Regressor? model, int maxFeatures, PythonRandom rng)
        : base(depth, numericTemplate, mode, stats, model)
    {
        _subset = new FeatureSubset(maxFeatures, rng);
    }

    public override long EstimateBytes() => base.EstimateBytes() + _subset.EstimateBytes();

    public override void WriteState(StateWriter writer)
    {
        base.WriteState(writer);
        _subset.WriteState(writer);
    }

    public static RandomRegressionLeaf Read(
        StateReader reader, Splitter numericTemplate, Regressor modelTemplate, int maxFeatures, PythonRandom rng)
    {
        var leaf = (RandomRegressionLeaf)Read(
            reader,
            modelTemplate,
            (depth, mode, stats, model) => new RandomRegressionLeaf(depth, numericTemplate, mode, stats, model, maxFeatures, rng));
        leaf._subset.ReadState(reader);
        return leaf;
    }

    protected override int ObservedCount(FeatureVector x) => _subset.Count(x);

    protected override int ObservedPosition(FeatureVector x, int k) => _subset.PositionAt(x, k);
}
