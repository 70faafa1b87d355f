namespace Eddy.Ensembles;

/// <summary>River's <c>bagging_method</c> of <c>ensemble.LeveragingBaggingClassifier</c>: how many times a member learns an example.</summary>
public enum LeveragingBaggingMethod
{
    /// <summary><c>'bag'</c>: k ~ Poisson(w), leveraging bagging proper.</summary>
    Bag,

    /// <summary><c>'me'</c>: k = 1 when the member misclassifies, else 1 with probability error / (1 − error).</summary>
    Me,

    /// <summary><c>'half'</c>: k = 1 for a random half of the examples (resampling without replacement).</summary>
    Half,

    /// <summary><c>'wt'</c>: k = 1 + Poisson(1), every example kept.</summary>
    Wt,

    /// <summary><c>'subag'</c>: k = 1 when Poisson(1) &gt; 0 (subagging).</summary>
    Subag,
}
