using Eddy.Specs;

namespace Eddy.Tests.Specs;

/// <summary>Untrusted text either parses to a spec that round-trips and builds, or fails with a SpecException.</summary>
public sealed class SpecFuzzTests
{
    private static readonly string[] s_tokens =
    [
        "StandardScaler", "LogisticRegression", "LinearRegression", "OneHotEncoder", "Select", "SGD", "Adam", "Constant",
        "InverseScaling", "Log", "ROCAUC", "Rolling", "TransformerUnion", "preprocessing.", "optim.", "l2", "lr", "keys",
        "with_std", "n_features", "seed", "optimizer", "loss", "metric", "True", "False", "None", "(", ")", "[", "]", "{",
        "}", ",", "=", "|", "+", "-", ".", ":", "'a'", "\"b\"", "'", "\"", "\\", "0", "1", "0.5", "1e3", "-1", "1e999",
        "4294967296", "2147483647", "9999999999999999999999", "n_thresholds", "window_size", "Rolling(Accuracy, ", " ", "\n", "\"pipeline\"", "\"metrics\"", "\u00e9", "\ud800", "null", "{}", "[]",
    ];

    [Fact]
    public void Parse_RandomTokenSoup_OnlySpecExceptions()
    {
        var random = new Random(20240607);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var builder = new System.Text.StringBuilder();
            int count = random.Next(1, 16);
            for (int k = 0; k < count; k++)
            {
                builder.Append(s_tokens[random.Next(s_tokens.Length)]);
            }

            parsed += TryParse(builder.ToString()) ? 1 : 0;
        }

        Assert.True(parsed > 0, "The fuzz loop never produced a valid spec, so it tests too little.");
    }

    [Fact]
    public void Parse_RandomCharacters_OnlySpecExceptions()
    {
        var random = new Random(7);
        const string alphabet = "abcSGDLR()[]{},=|+-.:'\"\\0123456789eE _\t\u0000\u00ff";
        for (int i = 0; i < 20_000; i++)
        {
            char[] text = new char[random.Next(0, 40)];
            for (int k = 0; k < text.Length; k++)
            {
                text[k] = alphabet[random.Next(alphabet.Length)];
            }

            TryParse(new string(text));
        }
    }

    [Fact]
    public void Parse_MutatedValidSpecs_OnlySpecExceptions()
    {
        string[] seeds =
        [
            """{"pipeline": [{"TransformerUnion": [[{"Select": {"keys": ["a", "b"]}}, {"StandardScaler": {}}], {"OneHotEncoder": {}}]}, {"LogisticRegression": {"optimizer": {"SGD": {"lr": {"InverseScaling": {"learning_rate": 0.1}}}}, "l2": 0.01}}], "metrics": ["ROCAUC", {"Rolling": {"metric": "Accuracy", "window_size": 100}}]}""",
            "(Select('a', 'b') | StandardScaler) + OneHotEncoder | LogisticRegression(optimizer=SGD(0.1), loss=Log(weight_pos=2), l2=0.0)",
            "FeatureHasher(n_features=16, seed=42) | LinearRegression(optimizer=Adam(lr=InverseScaling(0.1, power=0.25)), loss=Huber)",
        ];
        var random = new Random(11);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++)
        {
            char[] text = seeds[i % seeds.Length].ToCharArray();
            int edits = random.Next(1, 4);
            for (int k = 0; k < edits; k++)
            {
                int at = random.Next(text.Length);
                text[at] = seeds[random.Next(seeds.Length)][random.Next(40)];
            }

            parsed += TryParse(new string(text)) ? 1 : 0;
        }

        Assert.True(parsed > 0);
    }

    [Fact]
    public void WithMetrics_RandomText_OnlySpecExceptions()
    {
        ModelSpec spec = ModelSpec.Parse("LogisticRegression");
        var random = new Random(3);
        for (int i = 0; i < 5_000; i++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => s_tokens[random.Next(s_tokens.Length)]));
            try
            {
                ModelSpec withMetrics = spec.WithMetrics([text]);
                Assert.Equal(withMetrics, ModelSpec.Parse(withMetrics.ToJson()));
            }
            catch (SpecException)
            {
            }
        }
    }

    /// <summary>Parses; on success the spec must round-trip through both forms and build.</summary>
    private static bool TryParse(string text)
    {
        ModelSpec spec;
        try
        {
            spec = ModelSpec.Parse(text);
        }
        catch (SpecException e)
        {
            Assert.NotNull(e.Path);
            return false;
        }

        Assert.Equal(spec, ModelSpec.Parse(spec.ToJson()));
        Assert.Equal(spec, ModelSpec.FromExpression(spec.ToExpression(), spec.MetricExpressions()));
        Assert.NotNull(spec.Build().Estimator);
        return true;
    }
}
