namespace Eddy.Specs;

/// <summary>The type of a catalogue parameter, which decides what values a spec may give it.</summary>
public enum ParameterType
{
    /// <summary>A finite number (an integer is accepted).</summary>
    Number,

    /// <summary>An integral number.</summary>
    Integer,
    Boolean,
    String,

    /// <summary>A list of strings (Select's and Discard's keys).</summary>
    StringList,

    /// <summary>A class label: a boolean, number or string (River's <c>pos_val</c>).</summary>
    Label,

    /// <summary>An optimizer: <c>{"SGD": {"lr": 0.1}}</c> or a bare name.</summary>
    Optimizer,

    /// <summary>A learning-rate schedule: a number (constant) or <c>{"InverseScaling": {...}}</c>.</summary>
    Scheduler,
    Loss,
    Metric,

    /// <summary>A nested model: one step (<c>LogisticRegression()</c>) or a pipeline (<c>(StandardScaler() | LogisticRegression())</c>).</summary>
    Estimator,

    /// <summary>A drift detector: <c>ADWIN(delta=0.001)</c> or a bare name.</summary>
    DriftDetector,

    /// <summary>A univariate statistic: <c>Mean()</c> or a bare name (<c>"Mean"</c>).</summary>
    Statistic,

    /// <summary>A tree's splitter: <c>GaussianSplitter(n_splits=5)</c> or a bare name.</summary>
    Splitter,

    /// <summary>A range per feature name: River's <c>{"x": (0, 1)}</c>, in JSON <c>{"x": [0, 1]}</c> (HalfSpaceTrees' <c>limits</c>).</summary>
    Ranges,
}
