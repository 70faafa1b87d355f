namespace Eddy.Specs;

public enum SpecValueKind
{
    None,
    Boolean,
    Integer,
    Number,
    String,
    StringList,

    /// <summary>A nested optimizer, scheduler, loss or metric.</summary>
    Component,

    /// <summary>A nested model: one step or a pipeline (a bagging ensemble's <c>model</c>, a tree's <c>leaf_model</c>).</summary>
    Pipeline,

    /// <summary>A range per feature name, in the order given (HalfSpaceTrees' <c>limits</c>).</summary>
    Ranges,
}
