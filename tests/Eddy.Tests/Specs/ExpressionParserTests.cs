using Eddy.Specs;

namespace Eddy.Tests.Specs;

/// <summary>River's expression form: Python's literals and precedence, printed back canonically.</summary>
public sealed class ExpressionParserTests
{
    [Theory]
    [InlineData("StandardScaler()|LogisticRegression()", "StandardScaler | LogisticRegression")]
    [InlineData("  StandardScaler ( with_std = False , ) ", "StandardScaler(with_std=False)")]
    [InlineData("Select(\"a\", 'b') + Discard(keys=['c']) | LinearRegression", "Select('a', 'b') + Discard('c') | LinearRegression")]
    [InlineData("(MinMaxScaler + MaxAbsScaler) + StandardScaler", "MinMaxScaler + MaxAbsScaler + StandardScaler")]
    [InlineData("MinMaxScaler + (MaxAbsScaler + StandardScaler)", "MinMaxScaler + MaxAbsScaler + StandardScaler")]
    [InlineData("(MinMaxScaler | MaxAbsScaler) | StandardScaler", "MinMaxScaler | MaxAbsScaler | StandardScaler")]
    [InlineData("MinMaxScaler + (MaxAbsScaler | StandardScaler)", "MinMaxScaler + (MaxAbsScaler | StandardScaler)")]
    [InlineData("compose.Select('x') + preprocessing.MinMaxScaler", "Select('x') + MinMaxScaler")]
    [InlineData("LinearRegression(intercept_init=-2, l2=+.5, clip_gradient=1E3)", "LinearRegression(l2=0.5, intercept_init=-2.0, clip_gradient=1000.0)")]
    [InlineData("FeatureHasher(64, None)", "FeatureHasher(n_features=64, seed=None)")]
    [InlineData("LinearRegression(optimizer=optim.SGD(lr=optim.schedulers.Constant(0.1)))", "LinearRegression(optimizer=SGD(lr=0.1))")]
    [InlineData("PAClassifier(0.5, 2, False)", "PAClassifier(C=0.5, mode=2, learn_intercept=False)")]
    [InlineData("Select('it\\'s', \"say \\\"hi\\\"\")", "Select('it\\'s', 'say \"hi\"')")]
    public void Parse_Expression_PrintsCanonically(string expression, string canonical)
    {
        Assert.Equal(canonical, ModelSpec.FromExpression(expression).ToExpression());
    }

    [Fact]
    public void Parse_Union_BindsTighterThanPipeline()
    {
        ModelSpec spec = ModelSpec.Parse("(Select('a', 'b') | StandardScaler) + OneHotEncoder | LogisticRegression");

        Assert.Equal(2, spec.Pipeline.Count);
        SpecNode union = spec.Pipeline[0];
        Assert.Equal(SpecNode.UnionName, union.Name);
        Assert.Equal(2, union.Members.Count);
        Assert.Equal(["Select", "StandardScaler"], union.Members[0].Select(n => n.Name));
        Assert.Equal("OneHotEncoder", Assert.Single(union.Members[1]).Name);
        Assert.Equal("LogisticRegression", spec.Pipeline[1].Name);
    }

    [Fact]
    public void Parse_Values_AreTyped()
    {
        ModelSpec spec = ModelSpec.FromExpression(
            "LogisticRegression(l2=1, optimizer=SGD(0.5))", ["ROCAUC(n_thresholds=20.0, pos_val=True)", "F1(pos_val='spam')", "F1(pos_val=2.5)"]);

        Assert.True(spec.Pipeline[0].TryGetParameter("l2", out SpecValue l2));
        Assert.Equal(SpecValueKind.Number, l2.Kind);
        Assert.Equal(1.0, l2.Number);
        Assert.True(spec.Pipeline[0].TryGetParameter("optimizer", out SpecValue optimizer));
        Assert.Equal("SGD(lr=0.5)", optimizer.ToString());
        Assert.True(spec.Metrics[0].TryGetParameter("n_thresholds", out SpecValue thresholds));
        Assert.Equal(SpecValueKind.Integer, thresholds.Kind);
        Assert.Equal(20, thresholds.Integer);
        Assert.True(spec.Metrics[0].TryGetParameter("pos_val", out SpecValue positive));
        Assert.True(positive.Boolean);
        Assert.True(spec.Metrics[1].TryGetParameter("pos_val", out SpecValue spam));
        Assert.Equal("spam", spam.Text);
        Assert.True(spec.Metrics[2].TryGetParameter("pos_val", out SpecValue number));
        Assert.Equal(SpecValueKind.Number, number.Kind);
        Assert.False(spec.Pipeline[0].TryGetParameter("l1", out _));
    }

    [Fact]
    public void Parse_JsonOrExpression_ChosenByFirstCharacter()
    {
        Assert.Equal(ModelSpec.Parse("  {\"pipeline\": [\"GaussianNB\"]}"), ModelSpec.Parse(" GaussianNB "));
    }
}
