using Eddy.Base;
using Eddy.Datasets;
using Eddy.Ensembles;
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
        "knn-classifier", "knn-regressor", "bagging", "bagging-regressor", "adaboost",
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

    /// <summary>
    /// Ensembles with one ADWIN per member: a detector's window keeps growing on a stable stream and adds a bucket row
    /// (two small arrays) each time its width doubles, so a pass allocates a few hundred bytes, never per example.
    /// </summary>
    [Theory]
    [InlineData("adwin-bagging")]
    [InlineData("leveraging-bagging")]
    public void PredictAndLearn_AdwinEnsembles_OnlyWindowGrowthAllocates(string name)
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
        RunPass(model, data, examples, probabilities);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunPass(model, data, examples, probabilities);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(allocated, 0, data.Count / 2);
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
        "bagging" => (new BaggingClassifier(new StandardScaler() | new LogisticRegression(), 3, 42), RiverDatasets.Phishing()),
        "bagging-regressor" => (new BaggingRegressor(new StandardScaler() | new LinearRegression(), 3, 42), RiverDatasets.TrumpApproval()),
        "adaboost" => (new AdaBoostClassifier(new StandardScaler() | new LogisticRegression(), 3, 42), RiverDatasets.Phishing()),
        "adwin-bagging" => (new ADWINBaggingClassifier(new StandardScaler() | new LogisticRegression(), 3, 42), RiverDatasets.Phishing()),
        "leveraging-bagging" => (new LeveragingBaggingClassifier(new StandardScaler() | new LogisticRegression(), 3, seed: 42), RiverDatasets.Phishing()),
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
