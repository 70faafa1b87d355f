namespace Eddy.Trees.Nodes;

/// <summary>A branch of an Extremely Fast Decision Tree: it learns and weighs itself by its own class weights.</summary>
internal interface IEfdtBranch
{
    public EfdtBranchState Efdt { get; }
}
