using Eddy.Drift;
using Eddy.Serialization;
using Eddy.Trees.Splitters;

namespace Eddy.Trees.Nodes;

/// <summary>
/// River's <c>AdaLeafClassifier</c>: a classification leaf with its own error monitor.
/// </summary>
internal sealed class AdaptiveClassificationLeaf : ClassificationLeaf
{
    public new const byte TagValue = 11;

    public AdaptiveClassificationLeaf(
        int depth, Splitter numericTemplate, LeafPrediction prediction, ClassWeights stats, ErrorMonitor monitor)
        : base(depth, numericTemplate, prediction, stats)
    {
        Monitor = monitor;
    }

    public ErrorMonitor Monitor { get; }

    public override long EstimateBytes() => base.EstimateBytes() + Monitor.EstimateBytes();

    public override void WriteState(StateWriter writer)
    {
        writer.WriteByte(TagValue);
        writer.WriteInt32(Depth);
        writer.WriteByte((byte)Prediction);
        Monitor.WriteState(writer);
        WriteBody(writer);
    }

    /// <summary>Reads a leaf written by <see cref="WriteState"/> (after its tag).</summary>
    public static AdaptiveClassificationLeaf Read(StateReader reader, Splitter numericTemplate, int classCount, DriftDetector detector)
    {
        int depth = ReadDepth(reader);
        var prediction = (LeafPrediction)reader.ReadByte();
        StateReader.Require(Enum.IsDefined(prediction), "Unknown leaf prediction mode.");
        ErrorMonitor monitor = ErrorMonitor.Read(reader, detector);
        var leaf = new AdaptiveClassificationLeaf(depth, numericTemplate, prediction, new ClassWeights(), monitor);
        leaf.ReadBody(reader, classCount);
        return leaf;
    }
}
