using Eddy.Base;
using Eddy.Linear;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Anomaly;

/// <summary>
/// River: <c>anomaly.OneClassSVM</c>, the stochastic one-class SVM: a linear model fitted by SGD on the hinge loss
/// with every example labelled 1, L2 penalty <c>nu/2</c>, an intercept starting at 1 whose step carries the penalty
/// too (<c>lr·g + 2·lr·l2</c>). The score is <c>w·x</c>: low scores are anomalous. Schölkopf et al. (2001).
/// </summary>
/// <remarks>
/// River computes the score as <c>(w·x + b) − b</c>, which is kept so the bits match. Scale the input upstream
/// (StandardScaler) as River advises.
/// </remarks>
public sealed class OneClassSVM : AnomalyDetector
{
    private const byte StateVersion = 1;
    private static readonly HingeLoss s_loss = new();
    private readonly GeneralizedLinearModel _glm;

    /// <param name="nu">Upper bound on the fraction of training errors, the expected share of anomalies (default 0.1).</param>
    /// <param name="optimizer">Weights optimizer; River's default <c>SGD(0.01)</c>.</param>
    /// <param name="interceptLr">Intercept learning rate (default constant 0.01).</param>
    /// <param name="clipGradient">Bound on the absolute loss gradient (default 1e12).</param>
    public OneClassSVM(double nu = 0.1, Optimizer? optimizer = null, Scheduler? interceptLr = null, double clipGradient = 1e12)
    {
        if (!double.IsFinite(nu) || nu <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nu), nu, "Must be finite and positive.");
        }

        Nu = nu;
        _glm = new GeneralizedLinearModel(
            nameof(OneClassSVM), optimizer ?? new Sgd(0.01), nu / 2, 1.0, interceptLr ?? new ConstantScheduler(0.01), clipGradient);
    }

    public double Nu { get; }

    public Optimizer Optimizer => _glm.Optimizer;

    public double Intercept => _glm.Intercept;

    /// <summary>Feature name → weight for every feature learned from.</summary>
    public Dictionary<string, double> Weights(FeatureSchema schema) => _glm.Weights(schema);

    protected override void LearnCore(FeatureVector x) =>
        _glm.Fit(x, s_loss.Gradient(1.0, _glm.RawDot(x)), 1.0, interceptPenalty: _glm.L2);

    protected override double ScoreCore(FeatureVector x) => _glm.RawDot(x) - _glm.Intercept;

    public override Estimator CloneFresh() => new OneClassSVM(Nu, _glm.Optimizer.CloneFresh(), _glm.InterceptLr, _glm.ClipGradient);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(OneClassSVM), StateVersion);
        _glm.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(OneClassSVM), StateVersion);
        _glm.ReadState(reader);
    }

    public override string ToString() =>
        $"OneClassSVM(nu={PythonFloat.Repr(Nu)}, optimizer={_glm.Optimizer}, intercept_lr={_glm.InterceptLr}, clip_gradient={PythonFloat.Repr(_glm.ClipGradient)})";
}
