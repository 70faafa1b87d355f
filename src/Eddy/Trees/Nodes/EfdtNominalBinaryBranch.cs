namespace Eddy.Trees.Nodes;

/// <summary>River's <c>EFDTNominalBinaryBranch</c>: a <c>NominalBinaryBranch</c> that keeps learning (see <see cref="EfdtBranchState"/>).</summary>
internal sealed class EfdtNominalBinaryBranch : NominalBinaryBranch, IEfdtBranch
{
    public EfdtNominalBinaryBranch(int depth, int feature, FeatureValue value, List<TreeNode> children, ClassWeights stats, EfdtBranchState efdt)
        : base(depth, feature, value, children, stats, default)
    {
        Efdt = efdt;
    }

    public EfdtBranchState Efdt { get; }

    // River's BaseEFDTBranch.total_weight: the branch's own weights, not its children's.
    public override double TotalWeight => ClassStats!.Count > 0 ? ClassStats.Total() : 0.0;

    public override long EstimateBytes() => base.EstimateBytes() + Efdt.EstimateBytes();
}
