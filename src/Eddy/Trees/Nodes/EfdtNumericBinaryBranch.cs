namespace Eddy.Trees.Nodes;

/// <summary>River's <c>EFDTNumericBinaryBranch</c>: a <c>NumericBinaryBranch</c> that keeps learning (see <see cref="EfdtBranchState"/>).</summary>
internal sealed class EfdtNumericBinaryBranch : NumericBinaryBranch, IEfdtBranch
{
    public EfdtNumericBinaryBranch(int depth, int feature, double threshold, List<TreeNode> children, ClassWeights stats, EfdtBranchState efdt)
        : base(depth, feature, threshold, children, stats, default)
    {
        Efdt = efdt;
    }

    public EfdtBranchState Efdt { get; }

    // River's BaseEFDTBranch.total_weight: the branch's own weights, not its children's.
    public override double TotalWeight => ClassStats!.Count > 0 ? ClassStats.Total() : 0.0;

    public override long EstimateBytes() => base.EstimateBytes() + Efdt.EstimateBytes();
}
