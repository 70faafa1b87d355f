using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.NaiveBayes;
using Eddy.Neighbors;
using Eddy.Optim;
using Eddy.Preprocessing;

namespace Eddy.Tests.Compose;

/// <summary>The hot path allocates nothing per example once the model has seen its features (not a timing test).</summary>
public sealed class AllocationTests
{
    public static TheoryData<string> Models() =>
    [
        "seed", "perceptron", "pa", "alma", "gaussian-nb", "softmax-adam", "minmax-linear", "pa-regressor", "onehot-logistic",
        "knn-classifier", "knn-regressor",
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void PredictAndLearn_SteadyState_AllocatesNothing(string name)
    {
        (Estimator model, Dataset data) = Create(name);
        var schema = new FeatureSchema();
        var examples = new FeatureVector[data.Count];
        for (int row = 0; row < data.Count; row++)
        {
            examples[row] = new FeatureVector(schema);
            data.Fill(row, examples[row]);
        }

        var probabilities = new ClassProbabilities();
        RunPass(model, data, examples, probabilities);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunPass(model, data, examples, probabilities);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static (Estimator Model, Dataset Data) Create(string name) => name switch
    {
        "seed" => (new StandardScaler() | new LogisticRegression(), RiverDatasets.Phishing()),
        "perceptron" => (new StandardScaler() | new Perceptron(), RiverDatasets.Phishing()),
        "pa" => (new StandardScaler() | new PAClassifier(), RiverDatasets.Phishing()),
        "alma" => (new StandardScaler() | new ALMAClassifier(), RiverDatasets.Phishing()),
        "gaussian-nb" => (new GaussianNB(), RiverDatasets.ImageSegments()),
        "softmax-adam" => (new StandardScaler() | new SoftmaxRegression(optimizer: new Adam()), RiverDatasets.ImageSegments()),
        "minmax-linear" => (new MinMaxScaler() | new LinearRegression(), RiverDatasets.TrumpApproval()),
        "pa-regressor" => (new MaxAbsScaler() | new PARegressor(), RiverDatasets.TrumpApproval()),
        "onehot-logistic" => (new OneHotEncoder() | new LogisticRegression(), RiverDatasets.Phishing()),
        "knn-classifier" => (new StandardScaler() | new KNNClassifier(), RiverDatasets.Phishing()),
        "knn-regressor" => (new KNNRegressor(aggregationMethod: KNNAggregation.Median), RiverDatasets.TrumpApproval()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void RunPass(Estimator model, Dataset data, FeatureVector[] examples, ClassProbabilities probabilities)
    {
        for (int row = 0; row < examples.Length; row++)
        {
            switch (model)
            {
                case Classifier classifier:
                    classifier.PredictProbaOne(examples[row], probabilities);
                    classifier.PredictOne(examples[row]);
                    classifier.LearnOne(examples[row], data.Target(row));
                    break;
                case Regressor regressor:
                    regressor.PredictOne(examples[row]);
                    regressor.LearnOne(examples[row], data.Target(row));
                    break;
            }
        }
    }
}
