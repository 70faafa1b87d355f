using System.Globalization;
using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River: <c>linear_model.PARegressor</c>, passive-aggressive regression on the ε-insensitive loss.
/// Crammer et al. (2006).
/// </summary>
/// <remarks>
/// River's ε-insensitive hinge maps the target through <c>2y − 1</c> (a binary-label idiom) before measuring the
/// loss, while the step direction uses the raw target. Eddy keeps that, as River's reference numbers depend on it.
/// </remarks>
public sealed class PARegressor : Regressor
{
    private const byte StateVersion = 1;
    private readonly PassiveAggressive _pa;

    /// <param name="c">Aggressiveness bound of PA-I and PA-II (River's <c>C</c>, default 1).</param>
    /// <param name="mode">0 = PA, 1 = PA-I (default), 2 = PA-II.</param>
    /// <param name="eps">Width of the insensitive band (default 0.1).</param>
    /// <param name="learnIntercept">Also learn an intercept (default true).</param>
    public PARegressor(double c = 1.0, int mode = 1, double eps = 0.1, bool learnIntercept = true)
    {
        if (!double.IsFinite(eps) || eps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, "Must be finite and non-negative.");
        }

        _pa = new PassiveAggressive(nameof(PARegressor), c, mode, learnIntercept);
        Eps = eps;
    }

    public double C => _pa.C;

    public int Mode => _pa.Mode;

    public double Eps { get; }

    public bool LearnIntercept => _pa.LearnIntercept;

    public double Intercept => _pa.Intercept;

    public Dictionary<string, double> Weights(FeatureSchema schema) => _pa.Weights(schema);

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        double yPred = _pa.RawDot(x);
        if (!double.IsFinite(yPred))
        {
            throw new NonFiniteUpdateException(nameof(PARegressor), "the prediction");
        }

        double loss = Math.Max(Math.Abs(yPred - ((y * 2) - 1)) - Eps, 0);
        double tau = _pa.Tau(x, loss);
        _pa.Update(x, tau * Math.Sign(y - yPred));
    }

    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        return _pa.RawDot(x);
    }

    public override Estimator CloneFresh() => new PARegressor(_pa.C, _pa.Mode, Eps, _pa.LearnIntercept);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(PARegressor), StateVersion);
        _pa.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(PARegressor), StateVersion);
        _pa.ReadState(reader);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"PARegressor(C={_pa.C}, mode={_pa.Mode}, eps={Eps}, learn_intercept={(_pa.LearnIntercept ? "True" : "False")})");
}
