using System.Buffers.Binary;
using Eddy.Base;
using Eddy.Datasets;
using Eddy.Linear;
using Eddy.Preprocessing;
using Eddy.Serialization;

namespace Eddy.Tests.Serialization;

public sealed class EstimatorSnapshotTests
{
    [Fact]
    public void Load_CorruptByte_RejectedAndTargetUnchanged()
    {
        (Estimator model, FeatureSchema schema) = TrainedSeed();
        byte[] snapshot = EstimatorSnapshot.Save(model, schema);
        Estimator target = model.CloneFresh();
        byte[] before = target.SerializeState();

        for (int offset = EstimatorSnapshot.HeaderSize; offset < snapshot.Length; offset += 37)
        {
            byte[] corrupt = (byte[])snapshot.Clone();
            corrupt[offset] ^= 0x40;
            SnapshotFormatException e = Assert.Throws<SnapshotFormatException>(() => EstimatorSnapshot.Load(corrupt, target));
            Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, target.SerializeState());
    }

    [Fact]
    public void Load_FutureVersion_RejectedWithClearMessage()
    {
        (Estimator model, FeatureSchema schema) = TrainedSeed();
        byte[] snapshot = EstimatorSnapshot.Save(model, schema);
        BinaryPrimitives.WriteUInt16LittleEndian(snapshot.AsSpan(8), EstimatorSnapshot.MaxSupportedVersion + 1);

        SnapshotFormatException e = Assert.Throws<SnapshotFormatException>(() => EstimatorSnapshot.Load(snapshot, model.CloneFresh()));
        Assert.Contains("version 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Truncated_Rejected()
    {
        (Estimator model, FeatureSchema schema) = TrainedSeed();
        byte[] snapshot = EstimatorSnapshot.Save(model, schema);
        Assert.Throws<SnapshotFormatException>(() => EstimatorSnapshot.Load(snapshot.AsMemory(0, snapshot.Length - 3), model.CloneFresh()));
        Assert.Throws<SnapshotFormatException>(() => EstimatorSnapshot.Load(snapshot.AsMemory(0, 10), model.CloneFresh()));
    }

    [Fact]
    public void Load_OtherHyperParameters_RejectedNamingBoth()
    {
        (Estimator model, FeatureSchema schema) = TrainedSeed();
        byte[] snapshot = EstimatorSnapshot.Save(model, schema);
        var other = new StandardScaler(withStd: false) | new LogisticRegression(l2: 0.1);

        SnapshotFormatException e = Assert.Throws<SnapshotFormatException>(() => EstimatorSnapshot.Load(snapshot, other));
        Assert.Contains("with_std=True", e.Message, StringComparison.Ordinal);
        Assert.Contains("with_std=False", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveLoad_Schema_RestoresNamesAndIndices()
    {
        (Estimator model, FeatureSchema schema) = TrainedSeed();
        var restored = new FeatureSchema();
        EstimatorSnapshot.Load(EstimatorSnapshot.Save(model, schema), model.CloneFresh(), restored);

        Assert.Equal(schema.Count, restored.Count);
        for (int i = 0; i < schema.Count; i++)
        {
            Assert.Equal(schema.NameOf(i), restored.NameOf(i));
        }
    }

    [Fact]
    public void Save_SameModelTwice_SameBytes()
    {
        (Estimator first, FeatureSchema firstSchema) = TrainedSeed();
        (Estimator second, FeatureSchema secondSchema) = TrainedSeed();
        Assert.Equal(EstimatorSnapshot.Save(first, firstSchema), EstimatorSnapshot.Save(second, secondSchema));
    }

    private static (Estimator Model, FeatureSchema Schema) TrainedSeed()
    {
        Dataset phishing = RiverDatasets.Phishing();
        var schema = new FeatureSchema();
        var x = new FeatureVector(schema);
        var model = new StandardScaler() | new LogisticRegression();
        for (int row = 0; row < 100; row++)
        {
            phishing.Fill(row, x);
            model.LearnOne(x, phishing.Target(row));
        }

        return (model, schema);
    }
}
