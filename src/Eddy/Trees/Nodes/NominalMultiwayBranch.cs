using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Trees.Nodes;

/// <summary>River's <c>NominalMultiwayBranch</c>: one child per category; a new category learned grows a child.</summary>
internal class NominalMultiwayBranch : Branch
{
    public const byte TagValue = 3;
    private readonly List<FeatureValue> _values;

    public NominalMultiwayBranch(
        int depth, int feature, List<FeatureValue> values, List<TreeNode> children, ClassWeights? classStats, VarianceStats targetStats)
        : base(depth, feature, children, classStats, targetStats)
    {
        _values = values;
    }

    public IReadOnlyList<FeatureValue> Values => _values;

    public override byte Tag => TagValue;

    public override bool GrowsBranches => true;

    public override int BranchNo(FeatureVector x, int position) => _values.IndexOf(FeatureValue.At(x, position));

    public override void AddChild(FeatureValue value, TreeNode child)
    {
        _values.Add(value);
        Children.Add(child);
    }

    public override long EstimateBytes() => base.EstimateBytes() + (16L * _values.Count);

    protected override void WriteTest(StateWriter writer)
    {
        writer.WriteInt32(_values.Count);
        foreach (FeatureValue value in _values)
        {
            value.WriteState(writer);
        }
    }
}
