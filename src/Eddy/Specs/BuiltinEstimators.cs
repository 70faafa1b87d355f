using Eddy.Compose;
using Eddy.Linear;
using Eddy.NaiveBayes;
using Eddy.Preprocessing;
using static Eddy.Specs.ParameterSpec;

namespace Eddy.Specs;

/// <summary>Eddy's pipeline steps with River's parameter names, signature order and defaults.</summary>
internal static class BuiltinEstimators
{
    public static void Register(EstimatorCatalog catalog)
    {
        // preprocessing
        catalog.Register("StandardScaler", [Boolean("with_std", true)], a => new StandardScaler(a.GetBoolean("with_std")));
        catalog.Register("MinMaxScaler", [], _ => new MinMaxScaler());
        catalog.Register("MaxAbsScaler", [], _ => new MaxAbsScaler());
        catalog.Register(
            "OneHotEncoder",
            [Boolean("drop_zeros", false), Boolean("drop_first", false)],
            a => new OneHotEncoder(a.GetBoolean("drop_zeros"), a.GetBoolean("drop_first")));
        catalog.Register(
            "FeatureHasher",
            [Integer("n_features", 1048576), NullableInteger("seed")],
            a => new FeatureHasher(a.GetInt32("n_features"), a.GetNullableInt64("seed")));

        // compose
        catalog.Register("Select", [StringList("keys", variadic: true)], a => new Select(a.GetStrings("keys")));
        catalog.Register("Discard", [StringList("keys", variadic: true)], a => new Discard(a.GetStrings("keys")));

        // linear_model
        catalog.Register(
            "LinearRegression",
            [
                Optimizer("optimizer", "SGD"), Loss("loss", "Squared"), Number("l2", 0.0), Number("l1", 0.0),
                Number("intercept_init", 0.0), Scheduler("intercept_lr", 0.01), Number("clip_gradient", 1e12),
            ],
            a => new LinearRegression(
                a.GetOptimizer("optimizer"),
                a.GetRegressionLoss("loss"),
                l2: a.GetNumber("l2"),
                l1: a.GetNumber("l1"),
                interceptInit: a.GetNumber("intercept_init"),
                interceptLr: a.GetScheduler("intercept_lr"),
                clipGradient: a.GetNumber("clip_gradient")));
        catalog.Register(
            "LogisticRegression",
            [
                Optimizer("optimizer", "SGD"), Loss("loss", "Log"), Number("l2", 0.0), Number("l1", 0.0),
                Number("intercept_init", 0.0), Scheduler("intercept_lr", 0.01), Number("clip_gradient", 1e12),
            ],
            a => new LogisticRegression(
                a.GetOptimizer("optimizer"),
                a.GetBinaryLoss("loss"),
                l2: a.GetNumber("l2"),
                interceptInit: a.GetNumber("intercept_init"),
                interceptLr: a.GetScheduler("intercept_lr"),
                clipGradient: a.GetNumber("clip_gradient"),
                l1: a.GetNumber("l1")));
        catalog.Register(
            "Perceptron",
            [Number("l2", 0.0), Number("clip_gradient", 1e12)],
            a => new Perceptron(a.GetNumber("l2"), a.GetNumber("clip_gradient")));
        catalog.Register(
            "PAClassifier",
            [Number("C", 1.0), Integer("mode", 1), Boolean("learn_intercept", true)],
            a => new PAClassifier(a.GetNumber("C"), a.GetInt32("mode"), a.GetBoolean("learn_intercept")));
        catalog.Register(
            "PARegressor",
            [Number("C", 1.0), Integer("mode", 1), Number("eps", 0.1), Boolean("learn_intercept", true)],
            a => new PARegressor(a.GetNumber("C"), a.GetInt32("mode"), a.GetNumber("eps"), a.GetBoolean("learn_intercept")));
        catalog.Register(
            "ALMAClassifier",
            [Integer("p", 2), Number("alpha", 0.9), Number("B", 1 / 0.9), Number("C", Math.Sqrt(2))],
            a => new ALMAClassifier(a.GetInt32("p"), a.GetNumber("alpha"), a.GetNumber("B"), a.GetNumber("C")));
        catalog.Register(
            "SoftmaxRegression",
            [Optimizer("optimizer", "SGD"), Loss("loss", "CrossEntropy"), Number("l2", 0.0)],
            a => new SoftmaxRegression(a.GetOptimizer("optimizer"), a.GetCrossEntropyLoss("loss"), a.GetNumber("l2")));

        // naive_bayes
        catalog.Register("GaussianNB", [], _ => new GaussianNB());
    }
}
