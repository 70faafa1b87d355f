using System.Globalization;
using Eddy.Base;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Serialization;

namespace Eddy.Linear;

/// <summary>
/// River: <c>linear_model.PAClassifier</c>, passive-aggressive learning on the hinge loss; P(true | x) is the
/// sigmoid of the raw score. Crammer et al. (2006).
/// </summary>
public sealed class PAClassifier : Classifier
{
    private const byte StateVersion = 1;
    private static readonly HingeLoss s_loss = new();
    private readonly PassiveAggressive _pa;

    /// <param name="c">Aggressiveness bound of PA-I and PA-II (River's <c>C</c>, default 1).</param>
    /// <param name="mode">0 = PA, 1 = PA-I (default), 2 = PA-II.</param>
    /// <param name="learnIntercept">Also learn an intercept (default true).</param>
    public PAClassifier(double c = 1.0, int mode = 1, bool learnIntercept = true)
    {
        _pa = new PassiveAggressive(nameof(PAClassifier), c, mode, learnIntercept);
    }

    public double C => _pa.C;

    public int Mode => _pa.Mode;

    public bool LearnIntercept => _pa.LearnIntercept;

    public double Intercept => _pa.Intercept;

    public Dictionary<string, double> Weights(FeatureSchema schema) => _pa.Weights(schema);

    public override void ValidateLabel(Label y) => y.ToBinary();

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        bool positive = y.ToBinary();
        double yPred = _pa.RawDot(x);
        double tau = _pa.Tau(x, s_loss.Loss(positive ? 1.0 : 0.0, yPred));
        _pa.Update(x, positive ? tau : tau * -1);
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ValidateInput(x);
        output.SetBinary(MathUtils.Sigmoid(_pa.RawDot(x)));
        return true;
    }

    public override Estimator CloneFresh() => new PAClassifier(_pa.C, _pa.Mode, _pa.LearnIntercept);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(PAClassifier), StateVersion);
        _pa.WriteState(writer);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(PAClassifier), StateVersion);
        _pa.ReadState(reader);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"PAClassifier(C={_pa.C}, mode={_pa.Mode}, learn_intercept={(_pa.LearnIntercept ? "True" : "False")})");
}
