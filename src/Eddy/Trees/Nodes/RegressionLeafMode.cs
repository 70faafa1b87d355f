namespace Eddy.Trees.Nodes;

/// <summary>River's <c>leaf_prediction</c> options for regression leaves.</summary>
internal enum RegressionLeafMode : byte
{
    /// <summary><c>"mean"</c>: the target mean.</summary>
    Mean = 1,

    /// <summary><c>"model"</c>: the leaf's regression model.</summary>
    Model = 2,

    /// <summary><c>"adaptive"</c>: whichever of the two has the smaller faded squared error.</summary>
    Adaptive = 3,
}
