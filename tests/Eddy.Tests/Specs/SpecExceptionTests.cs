using Eddy.Base;
using Eddy.Specs;

namespace Eddy.Tests.Specs;

/// <summary>Every kind of bad spec fails with a <see cref="SpecException"/> naming the element at fault.</summary>
public sealed class SpecExceptionTests
{
    [Theory]
    [InlineData("StandardScaler | LogisticRegresion", "pipeline[1]", "Did you mean 'LogisticRegression'")]
    [InlineData("Nonsense", "pipeline[0]", "Unknown estimator 'Nonsense'. Known estimators: ")]
    [InlineData("StandardScaler | LogisticRegression(l3=0.1)", "pipeline[1].LogisticRegression.l3", "Did you mean 'l1' or 'l2'")]
    [InlineData("MinMaxScaler(x=1)", "pipeline[0].MinMaxScaler.x", "MinMaxScaler takes no parameters")]
    [InlineData("LogisticRegression(l2='big')", "pipeline[0].LogisticRegression.l2", "'l2' expects a number, got a string")]
    [InlineData("LogisticRegression(l2=True)", "pipeline[0].LogisticRegression.l2", "expects a number, got a boolean")]
    [InlineData("LogisticRegression(l2=None)", "pipeline[0].LogisticRegression.l2", "got None")]
    [InlineData("FeatureHasher(n_features=2.5)", "pipeline[0].FeatureHasher.n_features", "must be an integer")]
    [InlineData("StandardScaler(with_std=1)", "pipeline[0].StandardScaler.with_std", "expects a boolean")]
    [InlineData("Select('a', 1)", "pipeline[0].Select.keys[1]", "list of strings")]
    [InlineData("LogisticRegression(optimizer=Adamm)", "pipeline[0].LogisticRegression.optimizer", "Unknown optimizer 'Adamm'. Did you mean 'Adam'")]
    [InlineData("LogisticRegression(optimizer=3)", "pipeline[0].LogisticRegression.optimizer", "expects an optimizer, got a number")]
    [InlineData("LogisticRegression(optimizer=SGD(lr=Constant()))", "pipeline[0].LogisticRegression.optimizer.SGD.lr.Constant.learning_rate", "needs 'learning_rate'")]
    [InlineData("LogisticRegression(l2=0.1, l2=0.2)", "pipeline[0].LogisticRegression.l2", "given twice")]
    [InlineData("LogisticRegression(SGD, Log, 0.0, 0.0, 0.0, 0.01, 1.0, 5)", "pipeline[0].LogisticRegression", "at most 7 positional")]
    [InlineData("TransformerUnion(StandardScaler)", "pipeline[0]", "Write a union with '+'")]
    public void Parse_BadExpression_PathAndMessage(string expression, string path, string message)
    {
        SpecException e = Assert.Throws<SpecException>(() => ModelSpec.Parse(expression));

        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Column);
    }

    [Fact]
    public void Parse_WrongLossFamily_NamesTheParameter()
    {
        SpecException e = Assert.Throws<SpecException>(() => ModelSpec.Parse("LogisticRegression(loss=Squared)"));

        Assert.Equal("pipeline[0].LogisticRegression.loss", e.Path);
        Assert.Equal("Squared is not a binary classification loss, which LogisticRegression's 'loss' needs.", e.Message);
    }

    [Fact]
    public void Parse_UnknownParameter_ColumnPointsAtTheValue()
    {
        SpecException e = Assert.Throws<SpecException>(() => ModelSpec.Parse("StandardScaler | LogisticRegression(l3=0.1)"));

        Assert.Equal(40, e.Column);
    }

    [Theory]
    [InlineData("LogisticRegression(l2=-1.0)", "pipeline[0].LogisticRegression.l2", "Invalid l2 (-1.0) for LogisticRegression: Must be finite and non-negative.")]
    [InlineData("LogisticRegression(l2=0.1, l1=0.1)", "pipeline[0].LogisticRegression.l1", "L1 and L2")]
    [InlineData("StandardScaler | LogisticRegression(optimizer=Adam(beta_1=1.5))", "pipeline[1].LogisticRegression.optimizer.Adam.beta_1", "Must be in [0, 1)")]
    [InlineData("FeatureHasher(n_features=0)", "pipeline[0].FeatureHasher.n_features", "Invalid n_features")]
    [InlineData("FeatureHasher(n_features=4294967296)", "pipeline[0].FeatureHasher.n_features", "32-bit")]
    [InlineData("FeatureHasher(seed=-1)", "pipeline[0].FeatureHasher.seed", "NumPy seed")]
    [InlineData("PAClassifier(mode=3)", "pipeline[0].PAClassifier.mode", "Must be 0, 1 or 2")]
    [InlineData("ALMAClassifier(p=1)", "pipeline[0].ALMAClassifier.p", "Invalid p")]
    [InlineData("LogisticRegression(optimizer=SGD(Optimal(CrossEntropy)))", "pipeline[0].LogisticRegression.optimizer.SGD.lr.Optimal.loss", "binary or a regression loss")]
    public void Parse_OutOfRange_ConstructorMessageAtPath(string expression, string path, string message)
    {
        SpecException e = Assert.Throws<SpecException>(() => ModelSpec.Parse(expression));

        Assert.Equal(path, e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(e.InnerException);
        Assert.DoesNotContain("(Parameter", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LogisticRegression | StandardScaler", "pipeline[0]", "LogisticRegression is not a transformer, so it can only be the last step.")]
    [InlineData("StandardScaler + LogisticRegression", "pipeline[0].TransformerUnion[1][0]", "LogisticRegression is not a transformer; every member of a union must be one.")]
    [InlineData("(StandardScaler | GaussianNB) + MinMaxScaler", "pipeline[0].TransformerUnion[0][1]", "GaussianNB is not a transformer")]
    public void Parse_NonTransformerBeforeTheEnd_Throws(string expression, string path, string message)
    {
        SpecException e = Assert.Throws<SpecException>(() => ModelSpec.Parse(expression));

        Assert.StartsWith(path, e.Path, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LogisticRegression(", 20, "Expected a value")]
    [InlineData("StandardScaler |", 17, "Expected an estimator name")]
    [InlineData("StandardScaler LogisticRegression", 16, "Unexpected text")]
    [InlineData("Select('a)", 8, "not closed")]
    [InlineData("(StandardScaler | LogisticRegression", 37, "Expected ')'")]
    [InlineData("LogisticRegression(l2=1e)", 25, "exponent")]
    [InlineData("LogisticRegression(l2=1e999)", 23, "out of range")]
    [InlineData("", 1, "Expected an estimator name")]
    [InlineData("Select(['a', 'b'", 17, "Expected ']'")]
    [InlineData("A(b=*)", 5, "Expected a value")]
    public void Parse_SyntaxError_ColumnNumber(string expression, int column, string message)
    {
        SpecException e = Assert.Throws<SpecException>(() => ModelSpec.FromExpression(expression));

        Assert.Equal(column, e.Column);
        Assert.Equal(string.Empty, e.Path);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"pipeline": []}""", "pipeline", "empty")]
    [InlineData("""{"metrics": []}""", "pipeline", "no \"pipeline\"")]
    [InlineData("""{"pipeline": [{"StandardScaler": {}}], "model": 1}""", "model", "Unknown key 'model'")]
    [InlineData("""{"pipeline": {"StandardScaler": {}}}""", "pipeline", "must be a JSON array")]
    [InlineData("""{"pipeline": [{"StandardScaler": {}, "MinMaxScaler": {}}]}""", "pipeline[0]", "one key")]
    [InlineData("""{"pipeline": [42]}""", "pipeline[0]", "one key")]
    [InlineData("""{"pipeline": [{"StandardScaler": 1}]}""", "pipeline[0].StandardScaler", "are an object")]
    [InlineData("""{"pipeline": [{"LogisticRegression": {"l2": 0.1, "l2": 0.2}}]}""", "pipeline[0].LogisticRegression.l2", "twice")]
    [InlineData("""{"pipeline": [{"LogisticRegression": {"l2": 1e400}}]}""", "pipeline[0].LogisticRegression.l2", "out of range")]
    [InlineData("""{"pipeline": [{"LogisticRegression": {"optimizer": {"SGD": {"lr": "fast"}}}}]}""", "pipeline[0].LogisticRegression.optimizer.SGD.lr", "Unknown scheduler 'fast'")]
    [InlineData("""{"pipeline": [{"TransformerUnion": []}]}""", "pipeline[0].TransformerUnion", "at least one member")]
    [InlineData("""{"pipeline": [{"TransformerUnion": [[]]}]}""", "pipeline[0].TransformerUnion[0]", "empty")]
    [InlineData("""{"pipeline": [{"TransformerUnion": {}}]}""", "pipeline[0].TransformerUnion", "list of members")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": ["ROCAUCC"]}""", "metrics[0]", "Unknown metric 'ROCAUCC'. Did you mean 'ROCAUC'")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": [{"ROCAUC": {"n_thresholds": 1}}]}""", "metrics[0].ROCAUC.n_thresholds", "Invalid n_thresholds")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": ["MAE"]}""", "metrics[0]", "MAE does not apply to a classifier")]
    [InlineData("""{"pipeline": ["LinearRegression"], "metrics": ["ROCAUC"]}""", "metrics[0]", "probability metric, which needs a classifier")]
    [InlineData("""{"pipeline": ["LinearRegression"], "metrics": ["Accuracy"]}""", "metrics[0]", "ROCAUC")]
    [InlineData("""{"pipeline": ["StandardScaler"], "metrics": ["Accuracy"]}""", "metrics[0]", "ends with a transformer")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": ["FBeta"]}""", "metrics[0].FBeta.beta", "needs 'beta'")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": [{"Rolling": {"metric": "Accuracy", "window_size": 0}}]}""", "metrics[0].Rolling.window_size", "Invalid window_size")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": [{"Rolling": {"metric": "MAE", "window_size": 5}}]}""", "metrics[0]", "MAE does not apply")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": [{"ROCAUC": {"pos_val": [1]}}]}""", "metrics[0].ROCAUC.pos_val", "class label")]
    [InlineData("""{"pipeline": [""", "", "Invalid JSON")]
    [InlineData("""[1, 2]""", "", "A JSON spec is an object")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": [{"ROCAUC": {"n_thresholds": 2147483647}}]}""", "metrics[0].ROCAUC.n_thresholds", "at most 100000")]
    [InlineData("""{"pipeline": ["LogisticRegression"], "metrics": [{"Rolling": {"metric": "Accuracy", "window_size": 2000000000}}]}""", "metrics[0].Rolling.window_size", "at most")]
    public void Parse_BadJson_PathAndMessage(string json, string path, string message)
    {
        SpecException e = Assert.Throws<SpecException>(() => ModelSpec.FromJson(json));

        Assert.Equal(path, e.Path);
        if (message != "ROCAUC")
        {
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
        }

        Assert.Null(e.Column);
    }

    [Fact]
    public void Parse_TooDeep_Throws()
    {
        string union = string.Concat(Enumerable.Repeat("(StandardScaler + ", 40)) + "MinMaxScaler" + new string(')', 40);
        string calls = "LogisticRegression(optimizer=" + string.Concat(Enumerable.Repeat("SGD(", 40)) + new string(')', 41);
        string json = """{"pipeline": [""" + string.Concat(Enumerable.Repeat("""{"TransformerUnion": [""", 40)) + "\"MinMaxScaler\"" + new string(']', 40).Replace("]", "]}") + "]}";

        Assert.Contains("nested too deeply", Assert.Throws<SpecException>(() => ModelSpec.Parse(union)).Message, StringComparison.Ordinal);
        Assert.Contains("nested too deeply", Assert.Throws<SpecException>(() => ModelSpec.Parse(calls)).Message, StringComparison.Ordinal);
        Assert.Contains("nested too deeply", Assert.Throws<SpecException>(() => ModelSpec.Parse(json)).Message, StringComparison.Ordinal);
        Assert.Throws<SpecException>(() => ModelSpec.Parse("[" + new string('[', 100_000)));
    }

    [Fact]
    public void WithMetrics_Bad_PathCountsAcrossStrings()
    {
        ModelSpec spec = ModelSpec.Parse("LogisticRegression");

        SpecException e = Assert.Throws<SpecException>(() => spec.WithMetrics(["ROCAUC, Accuracy", "MAE"]));

        Assert.Equal("metrics[2]", e.Path);
    }

    [Fact]
    public void SpecException_IsAnEddyException()
    {
        EddyException e = Assert.Throws<SpecException>(() => ModelSpec.Parse("Nope"));

        Assert.IsType<SpecException>(e);
    }
}
