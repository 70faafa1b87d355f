using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.Splitters;

namespace Eddy.Trees.Nodes;

/// <summary>
/// River's <c>BaseEFDTBranch</c> learning part: an EFDT branch keeps learning after it splits, with the observers
/// (splitters) of the leaf it replaced, so that its split can be re-evaluated. The class weights are the branch's
/// <see cref="Branch.ClassStats"/>, the very object the replaced leaf had, as in River.
/// </summary>
internal sealed class EfdtBranchState
{
    public EfdtBranchState(List<int> features, List<Splitter> splitters, double lastReevaluationAt)
    {
        Features = features;
        Splitters = splitters;
        LastReevaluationAt = lastReevaluationAt;
    }

    public List<int> Features { get; }

    public List<Splitter> Splitters { get; }

    /// <summary>River's <c>last_split_reevaluation_at</c>: the branch's weight at its last re-evaluation.</summary>
    public double LastReevaluationAt { get; set; }

    /// <summary>River's <c>update_splitters</c>: a splitter per feature, created on first sight (features in order seen).</summary>
    public void Learn(FeatureVector x, int classIndex, double weight, TreeCore tree)
    {
        for (int i = 0; i < x.Count; i++)
        {
            int feature = x.IndexAt(i);
            int k = IndexOf(feature, i);
            if (k < 0)
            {
                Features.Add(feature);
                Splitters.Add(tree.IsNominal(x, i) ? new NominalClassSplitter() : tree.Settings.Splitter.CloneFresh());
                k = Splitters.Count - 1;
            }

            Splitters[k].Update(FeatureValue.At(x, i), classIndex, weight);
        }
    }

    /// <summary>True when every Gaussian update of this example stays finite.</summary>
    public bool CanLearn(FeatureVector x, int classIndex, double weight)
    {
        for (int i = 0; i < x.Count; i++)
        {
            int k = IndexOf(x.IndexAt(i), i);
            if (k >= 0 && Splitters[k] is GaussianSplitter gaussian && !gaussian.CanUpdate(x.ValueAt(i), classIndex, weight))
            {
                return false;
            }
        }

        return true;
    }

    public long EstimateBytes()
    {
        long bytes = 32 + (16L * Features.Count);
        foreach (Splitter splitter in Splitters)
        {
            bytes += splitter.EstimateBytes();
        }

        return bytes;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteDouble(LastReevaluationAt);
        writer.WriteInt32(Splitters.Count);
        for (int i = 0; i < Splitters.Count; i++)
        {
            writer.WriteInt32(Features[i]);
            writer.WriteByte(Splitters[i].Tag);
            Splitters[i].WriteState(writer);
        }
    }

    public static EfdtBranchState Read(StateReader reader, Splitter numericTemplate, int classCount)
    {
        double last = reader.ReadDouble();
        StateReader.Require(double.IsFinite(last), "Invalid re-evaluation weight in an EFDT branch.");
        int count = reader.ReadCount();
        var features = new List<int>(count);
        var splitters = new List<Splitter>(count);
        for (int i = 0; i < count; i++)
        {
            int feature = reader.ReadInt32();
            StateReader.Require(feature >= 0 && !features.Contains(feature), "Invalid or repeated feature in an EFDT branch.");
            byte tag = reader.ReadByte();
            Splitter nominal = new NominalClassSplitter();
            Splitter splitter = tag == nominal.Tag ? nominal : numericTemplate.CloneFresh();
            StateReader.Require(splitter.Tag == tag, $"Unexpected splitter tag {tag} in an EFDT branch.");
            splitter.ReadState(reader, classCount);
            features.Add(feature);
            splitters.Add(splitter);
        }

        return new EfdtBranchState(features, splitters, last);
    }

    /// <summary>Every branch's learning part, pre-order, after the tree core's own state.</summary>
    public static void WriteTree(StateWriter writer, TreeNode node)
    {
        if (node is Branch branch)
        {
            ((IEfdtBranch)branch).Efdt.WriteState(writer);
            foreach (TreeNode child in branch.Children)
            {
                WriteTree(writer, child);
            }
        }
    }

    /// <summary>The tree core reads plain branches (EFDT branches write as their base type); each becomes an EFDT branch with its learning part (pre-order).</summary>
    public static TreeNode ReadTree(StateReader reader, TreeNode node, Splitter template, int classCount)
    {
        if (node is not Branch branch)
        {
            return node;
        }

        StateReader.Require(branch.ClassStats is not null, "An EFDT branch has no class weights.");
        EfdtBranchState state = EfdtBranchState.Read(reader, template, classCount);
        var children = new List<TreeNode>(branch.Children.Count);
        foreach (TreeNode child in branch.Children)
        {
            children.Add(ReadTree(reader, child, template, classCount));
        }

        return branch switch
        {
            NumericBinaryBranch n => new EfdtNumericBinaryBranch(n.Depth, n.Feature, n.Threshold, children, n.ClassStats!, state),
            NominalBinaryBranch b => new EfdtNominalBinaryBranch(b.Depth, b.Feature, b.Value, children, b.ClassStats!, state),
            NominalMultiwayBranch m => new EfdtNominalMultiwayBranch(m.Depth, m.Feature, [.. m.Values], children, m.ClassStats!, state),
            _ => throw new SnapshotFormatException("Unknown branch type in an EFDT."),
        };
    }

    private int IndexOf(int feature, int hint)
    {
        if ((uint)hint < (uint)Features.Count && Features[hint] == feature)
        {
            return hint;
        }

        return Features.IndexOf(feature);
    }
}
