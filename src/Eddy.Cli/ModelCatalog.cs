using Eddy.Base;
using Eddy.Compose;
using Eddy.Linear;
using Eddy.NaiveBayes;
using Eddy.Preprocessing;

namespace Eddy.Cli;

/// <summary>
/// Builds models from River's expression form with default hyper-parameters, e.g.
/// <c>StandardScaler | LogisticRegression</c>. The server's model specs (typed parameters) will supersede this.
/// </summary>
internal static class ModelCatalog
{
    public const string Seed = "StandardScaler | LogisticRegression";

    private static readonly Dictionary<string, Func<Estimator>> s_factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["StandardScaler"] = () => new StandardScaler(),
        ["MinMaxScaler"] = () => new MinMaxScaler(),
        ["MaxAbsScaler"] = () => new MaxAbsScaler(),
        ["OneHotEncoder"] = () => new OneHotEncoder(),
        ["FeatureHasher"] = () => new FeatureHasher(),
        ["LogisticRegression"] = () => new LogisticRegression(),
        ["LinearRegression"] = () => new LinearRegression(),
        ["Perceptron"] = () => new Perceptron(),
        ["PAClassifier"] = () => new PAClassifier(),
        ["PARegressor"] = () => new PARegressor(),
        ["ALMAClassifier"] = () => new ALMAClassifier(),
        ["SoftmaxRegression"] = () => new SoftmaxRegression(),
        ["GaussianNB"] = () => new GaussianNB(),
    };

    public static IEnumerable<string> Names => s_factories.Keys;

    /// <summary>Parses <c>A | B | C</c>; every step but the last must be a transformer.</summary>
    public static Estimator Parse(string expression)
    {
        string[] names = expression.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException("The model expression is empty.");
        }

        var steps = new List<Estimator>();
        foreach (string raw in names)
        {
            string name = raw.EndsWith("()", StringComparison.Ordinal) ? raw[..^2] : raw;
            if (!s_factories.TryGetValue(name, out Func<Estimator>? factory))
            {
                throw new ArgumentException($"Unknown estimator '{raw}'. Known: {string.Join(", ", Names)}.");
            }

            steps.Add(factory());
        }

        var transformers = new List<Transformer>();
        for (int i = 0; i < steps.Count - 1; i++)
        {
            transformers.Add(steps[i] as Transformer
                ?? throw new ArgumentException($"'{names[i]}' is not a transformer, so it can only be the last step."));
        }

        Estimator final = steps[^1];
        if (transformers.Count == 0)
        {
            return final;
        }

        return final switch
        {
            Classifier classifier => new ClassifierPipeline(transformers, classifier),
            Regressor regressor => new RegressorPipeline(transformers, regressor),
            Transformer transformer => new TransformerPipeline([.. transformers, transformer]),
            _ => throw new ArgumentException($"'{names[^1]}' cannot end a pipeline."),
        };
    }
}
