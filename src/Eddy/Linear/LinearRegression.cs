using Eddy.Base;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River: <c>linear_model.LinearRegression</c>. Predicts w·x + b, fitted online by SGD on the squared loss
/// (or another regression loss).
/// </summary>
/// <example>
/// River's docstring: <c>StandardScaler | LinearRegression(intercept_lr=.1)</c> on TrumpApproval gives
/// <c>MAE: 0.558735</c> and an intercept of 35.617670.
/// </example>
public sealed class LinearRegression : Regressor, IParameterExport
{
    private const byte StateVersion = 1;
    private readonly GeneralizedLinearModel _glm;

    /// <param name="optimizer">Weights optimizer; River's default <c>SGD(0.01)</c>.</param>
    /// <param name="loss">Regression loss; River's default <c>Squared()</c>.</param>
    /// <param name="l2">L2 penalty on the weights (default 0).</param>
    /// <param name="l1">Cumulative L1 penalty (default 0); River refuses it together with <paramref name="l2"/>.</param>
    /// <param name="interceptInit">Initial intercept (default 0).</param>
    /// <param name="interceptLr">Intercept learning rate (default constant 0.01; 0 freezes the intercept).</param>
    /// <param name="clipGradient">Bound on the absolute loss gradient (default 1e12).</param>
    public LinearRegression(
        Optimizer? optimizer = null,
        RegressionLoss? loss = null,
        double l2 = 0.0,
        double l1 = 0.0,
        double interceptInit = 0.0,
        Scheduler? interceptLr = null,
        double clipGradient = 1e12)
    {
        Loss = loss ?? new SquaredLoss();
        _glm = new GeneralizedLinearModel(
            nameof(LinearRegression),
            optimizer ?? new Sgd(0.01),
            l2,
            interceptInit,
            interceptLr ?? new ConstantScheduler(0.01),
            clipGradient,
            l1);
    }

    public RegressionLoss Loss { get; }

    public Optimizer Optimizer => _glm.Optimizer;

    public double Intercept => _glm.Intercept;

    /// <summary>Feature name → weight for every feature learned from.</summary>
    public Dictionary<string, double> Weights(FeatureSchema schema) => _glm.Weights(schema);

    public override void LearnOne(FeatureVector x, double y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateTarget(y);
        _glm.Fit(x, Loss.Gradient(y, _glm.RawDot(x)), w);
    }

    public override double PredictOne(FeatureVector x)
    {
        ValidateInput(x);
        return Loss.MeanFunction(_glm.RawDot(x));
    }

    public IReadOnlyDictionary<string, object> ExportParameters(FeatureSchema schema) =>
        new Dictionary<string, object> { ["intercept"] = Intercept, ["weights"] = Weights(schema) };

    public override Estimator CloneFresh() => new LinearRegression(
        _glm.Optimizer.CloneFresh(), Loss, _glm.L2, _glm.L1, _glm.InterceptInit, _glm.InterceptLr, _glm.ClipGradient);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(LinearRegression), StateVersion);
        _glm.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(LinearRegression), StateVersion);
        _glm.ReadState(reader);
    }

    public override string ToString() => $"LinearRegression({_glm.DescribeParameters()}, loss={Loss})";
}
