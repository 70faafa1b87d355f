using System.Globalization;
using Eddy.Base;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River: <c>linear_model.Perceptron</c>, a logistic regression with SGD(1), an intercept rate of 1 and the hinge
/// loss at threshold 0. Rosenblatt (1958).
/// </summary>
/// <example>River's docstring: <c>StandardScaler | Perceptron()</c> on Phishing gives <c>Accuracy: 85.84%</c>.</example>
public sealed class Perceptron : Classifier
{
    private const byte StateVersion = 1;
    private static readonly HingeLoss s_loss = new(threshold: 0.0);
    private readonly GeneralizedLinearModel _glm;

    /// <param name="l2">L2 penalty on the weights (default 0).</param>
    /// <param name="clipGradient">Bound on the absolute loss gradient (default 1e12).</param>
    public Perceptron(double l2 = 0.0, double clipGradient = 1e12)
    {
        _glm = new GeneralizedLinearModel(nameof(Perceptron), new Sgd(1.0), l2, 0.0, new ConstantScheduler(1.0), clipGradient);
    }

    public double L2 => _glm.L2;

    public double ClipGradient => _glm.ClipGradient;

    public double Intercept => _glm.Intercept;

    public Dictionary<string, double> Weights(FeatureSchema schema) => _glm.Weights(schema);

    public override void ValidateLabel(Label y) => y.ToBinary();

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        double target = y.ToBinary() ? 1.0 : 0.0;
        _glm.Fit(x, s_loss.Gradient(target, _glm.RawDot(x)), w);
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.SetBinary(s_loss.MeanFunction(_glm.RawDot(x)));
        return true;
    }

    public override Estimator CloneFresh() => new Perceptron(_glm.L2, _glm.ClipGradient);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(Perceptron), StateVersion);
        _glm.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(Perceptron), StateVersion);
        _glm.ReadState(reader);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"Perceptron(l2={_glm.L2}, clip_gradient={_glm.ClipGradient})");
}
