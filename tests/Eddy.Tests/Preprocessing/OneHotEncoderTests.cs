using Eddy.Base;
using Eddy.Compose;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using static Eddy.Tests.Support.TransformerHarness;

namespace Eddy.Tests.Preprocessing;

public sealed class OneHotEncoderTests
{
    // River's docstring input: random.seed(42); choices of c1, c2 from the alphabet.
    private static readonly (string C1, string C2)[] s_docstringX = [("u", "d"), ("a", "x"), ("i", "h"), ("h", "e")];

    private static FeatureVector Row(FeatureSchema schema, int i) =>
        Vector(schema, ("c1", s_docstringX[i].C1), ("c2", s_docstringX[i].C2));

    [Fact]
    public void LearnThenTransform_RiverDocstringDefaults_OutputsZerosInLearnedOrder()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder();
        oh.LearnOne(Row(schema, 0));
        AssertPairs(Transform(oh, Row(schema, 0)), ("c1_u", 1), ("c2_d", 1));
        oh.LearnOne(Row(schema, 1));
        AssertPairs(Transform(oh, Row(schema, 1)), ("c1_u", 0), ("c2_d", 0), ("c1_a", 1), ("c2_x", 1));
    }

    [Fact]
    public void LearnThenTransform_RiverDocstringDropZeros_OutputsOnlyOnes()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder(dropZeros: true);
        foreach ((string c1, string c2) in s_docstringX)
        {
            FeatureVector x = Vector(schema, ("c1", c1), ("c2", c2));
            oh.LearnOne(x);
            AssertPairs(Transform(oh, x), ("c1_" + c1, 1), ("c2_" + c2, 1));
        }
    }

    [Fact]
    public void LearnThenTransform_RiverDocstringDropFirst_DropsSmallestName()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder(dropZeros: true, dropFirst: true);
        foreach ((string c1, string c2) in s_docstringX)
        {
            FeatureVector x = Vector(schema, ("c1", c1), ("c2", c2));
            oh.LearnOne(x);
            AssertPairs(Transform(oh, x), ("c2_" + c2, 1));
        }
    }

    [Fact]
    public void Pipeline_RiverDocstringSelectThenEncode_AccumulatesZeros()
    {
        var schema = new FeatureSchema();
        TransformerPipeline pp = new Select("c1") | new OneHotEncoder();
        (string, object)[][] expected =
        [
            [("c1_u", 1)],
            [("c1_u", 0), ("c1_a", 1)],
            [("c1_u", 0), ("c1_a", 0), ("c1_i", 1)],
            [("c1_u", 0), ("c1_a", 0), ("c1_i", 0), ("c1_h", 1)],
        ];
        for (int i = 0; i < s_docstringX.Length; i++)
        {
            pp.LearnOne(Row(schema, i));
            AssertPairs(Transform(pp, Row(schema, i)), expected[i]);
        }
    }

    [Fact]
    public void Union_RiverDocstringKeepsC2_CategoryPassesThrough()
    {
        var schema = new FeatureSchema();
        TransformerUnion pp = (new Select("c1") | new OneHotEncoder()) + new Select("c2");
        for (int i = 0; i < s_docstringX.Length; i++)
        {
            pp.LearnOne(Row(schema, i));
        }

        AssertPairs(Transform(pp, Row(schema, 3)), ("c1_u", 0), ("c1_a", 0), ("c1_i", 0), ("c1_h", 1), ("c2", "e"));
    }

    [Fact]
    public void TransformOne_NumericValues_NamedAsPythonPrintsFloats()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder(dropZeros: true);
        FeatureVector x = Vector(schema, ("n", 1.0), ("m", 2.5), ("s", 1e-05));
        oh.LearnOne(x);
        AssertPairs(Transform(oh, x), ("n_1.0", 1), ("m_2.5", 1), ("s_1e-05", 1));
    }

    [Fact]
    public void TransformOne_UnseenValue_TransientNameAndNoStateChange()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder();
        oh.LearnOne(Row(schema, 0));
        byte[] before = oh.SerializeState();
        int names = schema.Count;
        int symbols = schema.SymbolCount;

        FeatureVector x = Vector(schema, interning: false, ("c1", "z"), ("c3", "q"));
        FeatureVector y = Transform(oh, x);
        AssertPairs(y, ("c1_u", 0), ("c2_d", 0), ("c1_z", 1), ("c3_q", 1));
        Assert.True(y.HasTransient);
        Assert.Equal(before, oh.SerializeState());
        Assert.Equal((names, symbols), (schema.Count, schema.SymbolCount));
    }

    [Fact]
    public void TransformOne_DisappearingFeature_StillOutputsItsZeros()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder();
        oh.LearnOne(Row(schema, 0));
        AssertPairs(Transform(oh, Vector(schema, ("c2", "d"))), ("c1_u", 0), ("c2_d", 1));
        AssertPairs(Transform(oh, new FeatureVector(schema)), ("c1_u", 0), ("c2_d", 0));
    }

    [Fact]
    public void LearnOne_TwoPairsWithOneName_OutputOnce()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder();
        FeatureVector x = Vector(schema, ("a", "b_c"), ("a_b", "c"));
        oh.LearnOne(x);
        Assert.Equal(1, oh.KnownCount);
        AssertPairs(Transform(oh, x), ("a_b_c", 1));
        AssertPairs(Transform(oh, Vector(schema, ("a_b", "c"))), ("a_b_c", 1));
    }

    [Fact]
    public void LearnOne_NonFiniteValue_ThrowsAndLeavesStateUnchanged()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder();
        oh.LearnOne(Row(schema, 0));
        byte[] before = oh.SerializeState();
        Assert.Throws<InvalidFeatureException>(() => oh.LearnOne(Vector(schema, ("c1", "k"), ("n", double.NaN))));
        Assert.Equal(before, oh.SerializeState());
    }

    [Fact]
    public void Clone_AfterLearning_RoundTripsBitIdentically()
    {
        var schema = new FeatureSchema();
        var oh = new OneHotEncoder(dropFirst: true);
        for (int i = 0; i < s_docstringX.Length; i++)
        {
            oh.LearnOne(Row(schema, i));
        }

        oh.LearnOne(Vector(schema, ("n", 3.0)));
        var copy = (OneHotEncoder)oh.Clone();
        Assert.Equal(oh.SerializeState(), copy.SerializeState());
        Assert.Equal(oh.KnownCount, copy.KnownCount);
        FeatureVector probe = Vector(schema, ("c1", "i"), ("n", 3.0));
        Assert.Equal(Pairs(Transform(oh, probe)), Pairs(Transform(copy, probe)));
        Assert.Equal(new OneHotEncoder(dropFirst: true).SerializeState(), oh.CloneFresh().SerializeState());
        Assert.Equal("OneHotEncoder(drop_zeros=False, drop_first=True)", oh.ToString());
    }

    [Fact]
    public void ClassifierPipeline_CategoricalInput_LearnsAndPredictsWithoutWriting()
    {
        var schema = new FeatureSchema();
        ClassifierPipeline model = new OneHotEncoder() | new LogisticRegression();
        Assert.True(model.AcceptsCategorical);
        for (int epoch = 0; epoch < 20; epoch++)
        {
            model.LearnOne(Vector(schema, ("colour", "red")), Label.True);
            model.LearnOne(Vector(schema, ("colour", "blue")), Label.False);
        }

        byte[] before = model.SerializeState();
        var probabilities = new ClassProbabilities();
        model.PredictProbaOne(Vector(schema, interning: false, ("colour", "red")), probabilities);
        Assert.True(probabilities.Get(Label.True) > 0.5);
        model.PredictProbaOne(Vector(schema, interning: false, ("colour", "green")), probabilities);
        Assert.Equal(before, model.SerializeState());
    }

    [Fact]
    public void Union_SolarFlareCategories_OneColumnPerValueAndNumbersPassThrough()
    {
        Dataset d = RiverDatasets.SolarFlare();
        string[] categorical = ["zurich-class", "largest-spot-size", "spot-distribution"];
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        TransformerUnion pp = (new Select(categorical) | new OneHotEncoder()) + new Discard(categorical);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (int row = 0; row < d.Count; row++)
        {
            d.Fill(row, x);
            pp.LearnOne(x);
            for (int f = 0; f < categorical.Length; f++)
            {
                distinct.Add($"{d.FeatureNames[f]}_{d.CategoryAt(row, f)}");
            }
        }

        d.Fill(0, x);
        Dictionary<string, double> y = Numbers(Transform(pp, x));
        Assert.Equal(distinct.Count + d.FeatureNames.Count - categorical.Length, y.Count);
        Assert.Equal(3.0, distinct.Sum(name => y[name]));
        Assert.Equal(1.0, y["zurich-class_H"]);
        Assert.Equal(d.NumberAt(0, 4), y["evolution"]);
    }
}
