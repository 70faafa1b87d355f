using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees;
using Eddy.Trees.Nodes;
using Eddy.Trees.Splitters;
using Eddy.Utils;

namespace Eddy.Ensembles;

/// <summary>River's <c>RandomLeafMajorityClass</c> / <c>RandomLeafNaiveBayes</c> / <c>RandomLeafNaiveBayesAdaptive</c>.</summary>
internal sealed class RandomClassificationLeaf : ClassificationLeaf
{
    private readonly FeatureSubset _subset;

    public RandomClassificationLeaf(
        int depth, Splitter numericTemplate, LeafPrediction prediction, ClassWeights stats, int maxFeatures, PythonRandom rng)
        : base(depth, numericTemplate, prediction, stats)
    {
        _subset = new FeatureSubset(maxFeatures, rng);
    }

    public override long EstimateBytes() => base.EstimateBytes() + _subset.EstimateBytes();

    public override void WriteState(StateWriter writer)
    {
        base.WriteState(writer);
        _subset.WriteState(writer);
    }

    public static RandomClassificationLeaf Read(StateReader reader, Splitter numericTemplate, int classCount, int maxFeatures, PythonRandom rng)
    {
        var leaf = (RandomClassificationLeaf)Read(
            reader, classCount, (depth, prediction, stats) => new RandomClassificationLeaf(depth, numericTemplate, prediction, stats, maxFeatures, rng));
        leaf._subset.ReadState(reader);
        return leaf;
    }

    protected override int ObservedCount(FeatureVector x) => _subset.Count(x);

    protected override int ObservedPosition(FeatureVector x, int k) => _subset.PositionAt(x, k);
}
