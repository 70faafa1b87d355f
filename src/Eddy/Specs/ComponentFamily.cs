namespace Eddy.Specs;

/// <summary>The kinds of things a spec names; each has its own namespace of names in a catalogue.</summary>
public enum ComponentFamily
{
    /// <summary>Pipeline steps: transformers, classifiers, regressors.</summary>
    Estimator,
    Optimizer,
    Scheduler,
    Loss,
    Metric,

    /// <summary>A drift detector (<c>ADWIN(delta=0.001)</c>): an ensemble's or a tree's, or a server monitor's.</summary>
    DriftDetector,

    /// <summary>A univariate statistic (<c>Mean()</c>, <c>BayesianMean(prior=3, prior_weight=1)</c>): Agg's and TargetAgg's <c>how</c>.</summary>
    Statistic,

    /// <summary>A Hoeffding tree's attribute observer (<c>GaussianSplitter(n_splits=5)</c>, <c>TEBSTSplitter(digits=2)</c>).</summary>
    Splitter,
}
