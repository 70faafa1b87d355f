using Eddy.Base;
using Eddy.Drift;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Trees;

namespace Eddy.Ensembles;

/// <summary>River's <c>ForestMemberClassifier</c>: its detectors watch 0/1, whether the tree got the example right.</summary>
internal sealed class ARFClassifierMember(ARFTreeClassifier model, ClassificationMetric metric, DriftDetector drift, DriftDetector warning)
    : ForestMember<ARFTreeClassifier, ClassificationMetric>(model, metric, drift, warning)
{
    /// <summary>Learns with weight <paramref name="k"/>; <paramref name="path"/> is what the metric's prediction left.</summary>
    public void Learn(FeatureVector x, Label y, int k, LeafPath path)
    {
        Model.LearnOne(x, y, k, path);
        Background?.LearnOne(x, y, k);
        Observe(Model.PredictAfterLearning(x, path) == y ? 0.0 : 1.0);
    }

    public long EstimateBytes() => 128 + Model.Tree.EstimateTreeBytes() + (Background?.Tree.EstimateTreeBytes() ?? 0);

    /// <summary>Reads a member; <paramref name="template"/> supplies fresh trees, metric and detectors to read into.</summary>
    public static ARFClassifierMember Read(StateReader reader, ARFTreeClassifier template, ClassificationMetric metric, DriftDetector drift, DriftDetector warning)
    {
        var member = new ARFClassifierMember(template, metric, drift, warning);
        member.ReadState(reader, template);
        return member;
    }

    protected override ARFTreeClassifier NewTree(ARFTreeClassifier tree) => tree.NewInstance();
}
