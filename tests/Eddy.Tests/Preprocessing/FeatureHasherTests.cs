using System.Buffers.Binary;
using Eddy.Base;
using Eddy.Compose;
using Eddy.Linear;
using Eddy.Preprocessing;
using static Eddy.Tests.Support.TransformerHarness;

namespace Eddy.Tests.Preprocessing;

public sealed class FeatureHasherTests
{
    [Fact]
    public void TransformOne_RiverDocstringSeed42_SameBucketsAsRiver()
    {
        // River: Counter({1: 4, 9: 2, 8: 1}) then Counter({4: 5, 8: 2}); buckets appear in first-hashed order.
        var schema = new FeatureSchema();
        var hasher = new FeatureHasher(nFeatures: 10, seed: 42);
        AssertPairs(Transform(hasher, Vector(schema, ("dog", 1), ("cat", 2), ("elephant", 4))), ("8", 1), ("9", 2), ("1", 4));
        AssertPairs(Transform(hasher, Vector(schema, ("dog", 2), ("run", 5))), ("8", 2), ("4", 5));
    }

    [Fact]
    public void NumpySalt_Seed5489_FirstWordIsMersenneTwisterReference()
    {
        // MT19937 seeded with 5489 first outputs 3499211612 (the C++ std::mt19937 reference) and then 581869302.
        byte[] salt = FeatureHasher.NumpySalt(5489);
        Assert.Equal(3499211612u, BinaryPrimitives.ReadUInt32LittleEndian(salt));
        Assert.Equal(581869302u, BinaryPrimitives.ReadUInt32LittleEndian(salt.AsSpan(4)));
    }

    [Fact]
    public void TransformOne_CategoricalValue_HashesNameEqualsValueWithCountOne()
    {
        var schema = new FeatureSchema();
        var hasher = new FeatureHasher(nFeatures: 1000, seed: 7);
        FeatureVector y = Transform(hasher, Vector(schema, ("shop", "Ikea")));
        AssertPairs(y, (hasher.Bucket("shop=Ikea").ToString(System.Globalization.CultureInfo.InvariantCulture), 1));
    }

    [Fact]
    public void TransformOne_Collisions_SumInBucket()
    {
        var schema = new FeatureSchema();
        var hasher = new FeatureHasher(nFeatures: 1, seed: 0);
        AssertPairs(Transform(hasher, Vector(schema, ("a", 1.5), ("b", 2.0), ("c", "x"))), ("0", 4.5));
    }

    [Fact]
    public void TransformOne_NegativeZero_SumsToPositiveZeroAsPythonCounter()
    {
        var schema = new FeatureSchema();
        var hasher = new FeatureHasher(nFeatures: 10, seed: 42);
        FeatureVector y = Transform(hasher, Vector(schema, ("dog", -0.0)));
        Assert.False(double.IsNegative(y.ValueAt(0)));
    }

    [Fact]
    public void TransformOne_NotInterning_BucketNamesTransientAndSchemaUnchanged()
    {
        var schema = new FeatureSchema();
        var hasher = new FeatureHasher(nFeatures: 10, seed: 42);
        FeatureVector x = Vector(schema, interning: false, ("dog", 1), ("cat", 2));
        int names = schema.Count;
        FeatureVector y = Transform(hasher, x, interning: false);
        Assert.Equal(names, schema.Count);
        Assert.True(y.HasTransient);
        AssertPairs(y, ("8", 1), ("9", 2));

        FeatureVector interned = Transform(hasher, x, interning: true);
        Assert.False(interned.HasTransient);
        Assert.True(schema.TryGetIndex("8", out _));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureHasher(nFeatures: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureHasher(seed: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeatureHasher(seed: 1L << 32));
    }

    [Fact]
    public void Clone_RandomSalt_KeepsBucketsAndFreshCloneDrawsNewSalt()
    {
        var hasher = new FeatureHasher(nFeatures: 1 << 30);
        var copy = (FeatureHasher)hasher.Clone();
        Assert.Equal(hasher.SerializeState(), copy.SerializeState());
        Assert.Equal(hasher.Bucket("some feature"), copy.Bucket("some feature"));
        Assert.NotEqual(hasher.SerializeState(), hasher.CloneFresh().SerializeState());
        Assert.Equal("FeatureHasher(n_features=1073741824, seed=None)", hasher.ToString());
        Assert.Equal("FeatureHasher(n_features=10, seed=42)", new FeatureHasher(10, 42).ToString());
    }

    [Fact]
    public void Clone_Seeded_SameStateAsFreshEstimator()
    {
        var hasher = new FeatureHasher(nFeatures: 10, seed: 42);
        Assert.Equal(new FeatureHasher(10, 42).SerializeState(), hasher.CloneFresh().SerializeState());
    }

    [Fact]
    public void LearnOne_NonFiniteValue_Throws()
    {
        var schema = new FeatureSchema();
        var hasher = new FeatureHasher(nFeatures: 10, seed: 42);
        Assert.Throws<InvalidFeatureException>(() => hasher.LearnOne(Vector(schema, ("a", double.NaN))));
    }

    [Fact]
    public void ClassifierPipeline_HashedCategories_LearnsAndPredictsWithoutWriting()
    {
        var schema = new FeatureSchema();
        ClassifierPipeline model = new FeatureHasher(nFeatures: 64, seed: 1) | new LogisticRegression();
        for (int epoch = 0; epoch < 20; epoch++)
        {
            model.LearnOne(Vector(schema, ("shop", "Ikea"), ("sales", 1.0)), Label.True);
            model.LearnOne(Vector(schema, ("shop", "Lidl"), ("sales", 1.0)), Label.False);
        }

        byte[] before = model.SerializeState();
        var probabilities = new ClassProbabilities();
        model.PredictProbaOne(Vector(schema, interning: false, ("shop", "Ikea"), ("sales", 1.0)), probabilities);
        double ikea = probabilities.Get(Label.True);
        model.PredictProbaOne(Vector(schema, interning: false, ("shop", "Lidl"), ("sales", 1.0)), probabilities);
        Assert.True(ikea > probabilities.Get(Label.True));
        Assert.Equal(before, model.SerializeState());
    }
}
