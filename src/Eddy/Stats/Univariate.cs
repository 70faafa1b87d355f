using Eddy.Serialization;

namespace Eddy.Stats;

/// <summary>
/// River: <c>stats.base.Univariate</c>. A running statistic of one variable, updated one value at a time. Updates
/// compute the new state first and commit it only when every number is finite, so a refused value changes nothing.
/// </summary>
public abstract class Univariate
{
    /// <summary>River's <c>name</c>: the class name in lower case (<c>mean</c>, <c>max</c>), used in feature names.</summary>
    public abstract string Name { get; }

    /// <summary>False until the statistic has a value (River's <c>get_or_none</c> is None): Min and Max before any update.</summary>
    public virtual bool HasValue => true;

    /// <summary>Adds <paramref name="x"/> (finite); throws <see cref="Base.NonFiniteUpdateException"/> before any change on overflow.</summary>
    public abstract void Update(double x);

    /// <summary>The current value of the statistic.</summary>
    public abstract double Get();

    /// <summary>The same statistic with the same parameters and no data.</summary>
    public abstract Univariate CloneFresh();

    public abstract void WriteState(StateWriter writer);

    /// <summary>Reads what <see cref="WriteState"/> wrote; validates into locals and assigns last.</summary>
    public abstract void ReadState(StateReader reader);

    /// <summary>River's repr of the constructor call, e.g. <c>Mean()</c> or <c>BayesianMean(prior=3.0, prior_weight=1.0)</c>.</summary>
    public abstract override string ToString();

    protected static double Checked(double value, string statistic, string what) =>
        double.IsFinite(value) ? value : throw new Base.NonFiniteUpdateException(statistic, what);
}
