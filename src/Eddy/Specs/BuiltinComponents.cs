using Eddy.Metrics;
using Eddy.Optim;
using Eddy.Optim.Losses;
using Eddy.Optim.Schedulers;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>Eddy's optimizers, schedulers, losses and metrics with River's names and defaults.</summary>
internal static class BuiltinComponents
{
    /// <summary>ROCAUC allocates its thresholds up front; River's default is 10.</summary>
    private const long MaxThresholds = 100_000;

    /// <summary>A rolling window allocates its slots up front.</summary>
    private const long MaxWindow = 10_000_000;

    public static void Register(EstimatorCatalog catalog)
    {
        // optim
        catalog.RegisterOptimizer("SGD", [Scheduler("lr", 0.01)], a => new Sgd(a.GetScheduler("lr")));
        catalog.RegisterOptimizer(
            "Adam",
            [Scheduler("lr", 0.1), Number("beta_1", 0.9), Number("beta_2", 0.999), Number("eps", 1e-8)],
            a => new Adam(a.GetScheduler("lr"), a.GetNumber("beta_1"), a.GetNumber("beta_2"), a.GetNumber("eps")));
        catalog.RegisterOptimizer(
            "AdaGrad", [Scheduler("lr", 0.1), Number("eps", 1e-8)], a => new AdaGrad(a.GetScheduler("lr"), a.GetNumber("eps")));
        catalog.RegisterOptimizer(
            "RMSProp",
            [Scheduler("lr", 0.1), Number("rho", 0.9), Number("eps", 1e-8)],
            a => new RMSProp(a.GetScheduler("lr"), a.GetNumber("rho"), a.GetNumber("eps")));
        catalog.RegisterOptimizer(
            "FTRLProximal",
            [Number("alpha", 0.05), Number("beta", 1.0), Number("l1", 0.0), Number("l2", 1.0)],
            a => new FtrlProximal(a.GetNumber("alpha"), a.GetNumber("beta"), a.GetNumber("l1"), a.GetNumber("l2")));

        // optim.schedulers
        catalog.RegisterScheduler(
            "Constant", [Required("learning_rate", ParameterType.Number)], a => new ConstantScheduler(a.GetNumber("learning_rate")));
        catalog.RegisterScheduler(
            "InverseScaling",
            [Required("learning_rate", ParameterType.Number), Number("power", 0.5)],
            a => new InverseScalingScheduler(a.GetNumber("learning_rate"), a.GetNumber("power")));
        catalog.RegisterScheduler("Optimal", [Required("loss", ParameterType.Loss), Number("alpha", 1e-4)], Optimal);

        // optim.losses
        catalog.RegisterLoss(
            "Log", [Number("weight_pos", 1.0), Number("weight_neg", 1.0)], a => new Optim.Losses.LogLoss(a.GetNumber("weight_pos"), a.GetNumber("weight_neg")));
        catalog.RegisterLoss("Hinge", [Number("threshold", 1.0)], a => new HingeLoss(a.GetNumber("threshold")));
        catalog.RegisterLoss("Squared", [], _ => new SquaredLoss());
        catalog.RegisterLoss("Absolute", [], _ => new AbsoluteLoss());
        catalog.RegisterLoss("Huber", [Number("epsilon", 0.1)], a => new HuberLoss(a.GetNumber("epsilon")));
        catalog.RegisterLoss("CrossEntropy", [], _ => new CrossEntropyLoss());

        RegisterMetrics(catalog);
    }

    private static void RegisterMetrics(EstimatorCatalog catalog)
    {
        // Multi-class label metrics.
        catalog.RegisterMetric("Accuracy", [], _ => new Accuracy());
        catalog.RegisterMetric("BalancedAccuracy", [], _ => new BalancedAccuracy());
        catalog.RegisterMetric("CohenKappa", [], _ => new CohenKappa());
        catalog.RegisterMetric("MacroF1", [], _ => new MacroF1());
        catalog.RegisterMetric("MicroF1", [], _ => new MicroF1());
        catalog.RegisterMetric("WeightedF1", [], _ => new WeightedF1());
        catalog.RegisterMetric("ConfusionMatrix", [], _ => new ConfusionMatrix());

        // Binary label metrics.
        catalog.RegisterMetric("F1", [Label("pos_val")], a => new F1(a.GetLabel("pos_val")));
        catalog.RegisterMetric("FBeta", [Required("beta", ParameterType.Number), Label("pos_val")], a => new FBeta(a.GetNumber("beta"), a.GetLabel("pos_val")));
        catalog.RegisterMetric("Precision", [Label("pos_val")], a => new Precision(a.GetLabel("pos_val")));
        catalog.RegisterMetric("Recall", [Label("pos_val")], a => new Recall(a.GetLabel("pos_val")));
        catalog.RegisterMetric("MCC", [Label("pos_val")], a => new Mcc(a.GetLabel("pos_val")));

        // Probability metrics.
        catalog.RegisterMetric(
            "ROCAUC", [Integer("n_thresholds", 10).WithMaximum(MaxThresholds), Label("pos_val")], a => new RocAuc(a.GetInt32("n_thresholds"), a.GetLabel("pos_val")));
        catalog.RegisterMetric("LogLoss", [Label("pos_val")], a => new Metrics.LogLoss(a.GetLabel("pos_val")));
        catalog.RegisterMetric("CrossEntropy", [], _ => new CrossEntropy());

        // Regression metrics.
        catalog.RegisterMetric("MAE", [], _ => new Mae());
        catalog.RegisterMetric("MSE", [], _ => new Mse());
        catalog.RegisterMetric("RMSE", [], _ => new Rmse());
        catalog.RegisterMetric("RMSLE", [], _ => new Rmsle());
        catalog.RegisterMetric("R2", [], _ => new R2());
        catalog.RegisterMetric("SMAPE", [], _ => new Smape());

        // Windows (River's utils.Rolling and utils.TimeRolling); a time window needs timestamped updates.
        catalog.RegisterMetric(
            "Rolling", [Required("metric", ParameterType.Metric), Required("window_size", ParameterType.Integer).WithMaximum(MaxWindow)], Rolling);
        catalog.RegisterMetric(
            "TimeRolling", [Required("metric", ParameterType.Metric), Required("period", ParameterType.Number)], TimeRolling);
    }

    private static Scheduler Optimal(SpecArguments a) => a.GetLoss("loss") switch
    {
        BinaryLoss binary => new OptimalScheduler(binary, a.GetNumber("alpha")),
        RegressionLoss regression => new OptimalScheduler(regression, a.GetNumber("alpha")),
        _ => throw new ArgumentOutOfRangeException("loss", "Optimal needs a binary or a regression loss."),
    };

    private static Metric Rolling(SpecArguments a)
    {
        int window = a.GetInt32("window_size");
        return a.GetMetric("metric") switch
        {
            ClassificationMetric classification => Metrics.Rolling.Of(classification, window),
            RegressionMetric regression => Metrics.Rolling.Of(regression, window),
            _ => throw new ArgumentOutOfRangeException("metric", "Only classification and regression metrics can roll."),
        };
    }

    /// <summary>River's period is a <c>timedelta</c>; a spec gives it in seconds.</summary>
    private static Metric TimeRolling(SpecArguments a)
    {
        double seconds = a.GetNumber("period");
        if (!(seconds >= 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2))
        {
            throw new ArgumentOutOfRangeException("period", seconds, "Must be a non-negative number of seconds.");
        }

        TimeSpan period = TimeSpan.FromSeconds(seconds);
        return a.GetMetric("metric") switch
        {
            ClassificationMetric classification => Metrics.Rolling.Of(classification, period),
            RegressionMetric regression => Metrics.Rolling.Of(regression, period),
            _ => throw new ArgumentOutOfRangeException("metric", "Only classification and regression metrics can roll."),
        };
    }
}
