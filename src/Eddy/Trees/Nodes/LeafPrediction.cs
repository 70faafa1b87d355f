namespace Eddy.Trees.Nodes;

/// <summary>River's <c>leaf_prediction</c> options for classification leaves.</summary>
internal enum LeafPrediction : byte
{
    /// <summary><c>"mc"</c>: the majority class.</summary>
    MajorityClass = 1,

    /// <summary><c>"nb"</c>: naive Bayes once the leaf has seen <c>nb_threshold</c>.</summary>
    NaiveBayes = 2,

    /// <summary><c>"nba"</c>: naive Bayes or majority class, whichever has been right more often.</summary>
    NaiveBayesAdaptive = 3,
}
