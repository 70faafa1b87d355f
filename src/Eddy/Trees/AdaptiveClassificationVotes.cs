using Eddy.Base;
using Eddy.Trees.Nodes;

namespace Eddy.Trees;

/// <summary>
/// The votes of River 0.12.1's <c>AdaLeafClassifier.prediction</c>: a leaf's distribution scaled by 1/(sum·error²), the
/// class a leaf predicts for its drift detector, and the sums <c>predict_proba_one</c> makes over leaf and alternates.
/// </summary>
internal static class AdaptiveClassificationVotes
{
    private const int StackLimit = 128;

    /// <summary>River's <c>traverse(x, until_leaf=True)</c> from a branch, ignoring alternates.</summary>
    public static Leaf PredictionLeaf(TreeNode node, FeatureVector x)
    {
        while (node is Branch branch)
        {
            int b = branch.BranchNo(x);
            node = branch.Children[b < 0 ? branch.MostCommonPath() : b];
        }

        return (Leaf)node;
    }

    /// <summary>River's <c>max(aux, key=aux.get)</c> over the leaf's classes in first-seen order; -1 without statistics.</summary>
    public static int PredictedClass(AdaptiveClassificationLeaf leaf, FeatureVector x, double nbThreshold, int count)
    {
        Span<double> dist = count <= StackLimit ? stackalloc double[count] : new double[count];
        if (!Distribution(leaf, x, nbThreshold, dist))
        {
            return -1;
        }

        ClassWeights stats = leaf.Stats;
        int best = 0;
        for (int i = 1; i < stats.Count; i++)
        {
            if (dist[stats.ClassAt(i)] > dist[stats.ClassAt(best)])
            {
                best = i;
            }
        }

        return stats.ClassAt(best);
    }

    /// <summary>River's <c>AdaLeafClassifier.prediction</c>: the leaf's distribution divided by its sum times error².</summary>
    public static bool Distribution(AdaptiveClassificationLeaf leaf, FeatureVector x, double nbThreshold, Span<double> dist)
    {
        ClassWeights stats = leaf.Stats;
        if (stats.Count == 0)
        {
            return false;
        }

        dist.Clear();
        leaf.Predict(x, nbThreshold, dist);
        double sum = 0.0;
        for (int i = 0; i < stats.Count; i++)
        {
            sum += dist[stats.ClassAt(i)];
        }

        double error = leaf.Monitor.Estimation;
        double factor = sum * error * error;
        if (factor != 0)
        {
            for (int i = 0; i < stats.Count; i++)
            {
                dist[stats.ClassAt(i)] /= factor;
            }
        }

        return true;
    }

    public static void AddAlternate(Branch branch, FeatureVector x, double nbThreshold, Span<double> proba, Span<double> dist)
    {
        if (branch.Adaptive?.Alternate is AdaptiveClassificationLeaf alternate)
        {
            AddLeaf(alternate, x, nbThreshold, proba, dist);
        }
    }

    public static void AddLeaf(AdaptiveClassificationLeaf leaf, FeatureVector x, double nbThreshold, Span<double> proba, Span<double> dist)
    {
        if (Distribution(leaf, x, nbThreshold, dist))
        {
            for (int i = 0; i < leaf.Stats.Count; i++)
            {
                int k = leaf.Stats.ClassAt(i);
                proba[k] += dist[k];
            }
        }
    }
}
