using Eddy.Base;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River: <c>linear_model.LogisticRegression</c>. A binary classifier: P(true | x) = σ(w·x + b), fitted online by
/// SGD on the log loss. Labels are true/false or 1/0.
/// </summary>
/// <example>
/// River's docstring: <c>StandardScaler | LogisticRegression(optimizer=SGD(.1))</c> on Phishing gives
/// <c>Accuracy: 88.96%</c> in progressive validation; Eddy's parity tests assert River's numbers on the defaults.
/// </example>
public sealed class LogisticRegression : Classifier, IParameterExport
{
    private const byte StateVersion = 1;
    private readonly GeneralizedLinearModel _glm;

    /// <param name="optimizer">Weights optimizer; River's default <c>SGD(0.01)</c>.</param>
    /// <param name="loss">Binary loss; River's default <c>Log()</c>.</param>
    /// <param name="l2">L2 penalty on the weights (default 0).</param>
    /// <param name="interceptInit">Initial intercept (default 0).</param>
    /// <param name="interceptLr">Intercept learning rate (default constant 0.01; 0 freezes the intercept).</param>
    /// <param name="clipGradient">Bound on the absolute loss gradient (default 1e12).</param>
    /// <param name="l1">Cumulative L1 penalty (default 0); River refuses it together with <paramref name="l2"/>.</param>
    public LogisticRegression(
        Optimizer? optimizer = null,
        BinaryLoss? loss = null,
        double l2 = 0.0,
        double interceptInit = 0.0,
        Scheduler? interceptLr = null,
        double clipGradient = 1e12,
        double l1 = 0.0)
    {
        Loss = loss ?? new LogLoss();
        _glm = new GeneralizedLinearModel(
            nameof(LogisticRegression),
            optimizer ?? new Sgd(0.01),
            l2,
            interceptInit,
            interceptLr ?? new ConstantScheduler(0.01),
            clipGradient,
            l1);
    }

    public BinaryLoss Loss { get; }

    public Optimizer Optimizer => _glm.Optimizer;

    public double Intercept => _glm.Intercept;

    /// <summary>Feature name → weight for every feature learned from.</summary>
    public Dictionary<string, double> Weights(FeatureSchema schema) => _glm.Weights(schema);

    public override void ValidateLabel(Label y) => y.ToBinary();

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        double target = y.ToBinary() ? 1.0 : 0.0;
        double gradient = Loss.Gradient(target, _glm.RawDot(x));
        _glm.Fit(x, gradient, w);
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);

        // Convert the logit to a probability.
        output.SetBinary(Loss.MeanFunction(_glm.RawDot(x)));
        return true;
    }

    public IReadOnlyDictionary<string, object> ExportParameters(FeatureSchema schema) =>
        new Dictionary<string, object> { ["intercept"] = Intercept, ["weights"] = Weights(schema) };

    public override Estimator CloneFresh() => new LogisticRegression(
        _glm.Optimizer.CloneFresh(), Loss, _glm.L2, _glm.InterceptInit, _glm.InterceptLr, _glm.ClipGradient, _glm.L1);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(LogisticRegression), StateVersion);
        _glm.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(LogisticRegression), StateVersion);
        _glm.ReadState(reader);
    }

    public override string ToString() => $"LogisticRegression({_glm.DescribeParameters()}, loss={Loss})";
}
