using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Trees.Nodes;

/// <summary>River's <c>NominalBinaryBranch</c>: <c>x[feature] == value</c> goes left, anything else right.</summary>
internal class NominalBinaryBranch : Branch
{
    public const byte TagValue = 2;

    public NominalBinaryBranch(
        int depth, int feature, FeatureValue value, List<TreeNode> children, ClassWeights? classStats, VarianceStats targetStats)
        : base(depth, feature, children, classStats, targetStats)
    {
        Value = value;
    }

    public FeatureValue Value { get; }

    public override byte Tag => TagValue;

    public override int BranchNo(FeatureVector x, int position) => FeatureValue.At(x, position).Equals(Value) ? 0 : 1;

    public override int MostCommonPath() => Children[0].TotalWeight < Children[1].TotalWeight ? 1 : 0;

    protected override void WriteTest(StateWriter writer) => Value.WriteState(writer);
}
