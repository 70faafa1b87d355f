namespace Eddy.Specs;

/// <summary>What a built model is, which decides the metrics it can be scored with.</summary>
public enum EstimatorKind
{
    Transformer,
    Classifier,
    Regressor,
}
