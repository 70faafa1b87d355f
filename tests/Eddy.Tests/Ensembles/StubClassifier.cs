using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Tests.Ensembles;

/// <summary>
/// A member whose behaviour the ensemble tests control: it counts how many times it learned and predicts
/// <c>False</c> (certain) until it has learned <see cref="SwitchAfter"/> times, <c>True</c> after that.
/// </summary>
internal sealed class StubClassifier(int switchAfter = int.MaxValue) : Classifier
{
    public int SwitchAfter { get; } = switchAfter;

    public int Learned { get; private set; }

    public override void LearnOne(FeatureVector x, Label y, double w = 1.0)
    {
        ValidateInput(x);
        ValidateLabel(y);
        Learned++;
    }

    public override bool PredictProbaOne(FeatureVector x, ClassProbabilities output)
    {
        ValidateInput(x);
        output.SetBinary(Learned >= SwitchAfter ? 1.0 : 0.0);
        return true;
    }

    public override Estimator CloneFresh() => new StubClassifier(SwitchAfter);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(StubClassifier), 1);
        writer.WriteInt32(Learned);
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(StubClassifier), 1);
        Learned = reader.ReadInt32();
    }

    public override string ToString() => $"StubClassifier(switch_after={SwitchAfter})";

    /// <summary>
    /// Feeds <paramref name="rows"/> one-feature examples labelled by <paramref name="label"/>, by default True on every
    /// third row (0, 3, 6, …).
    /// </summary>
    public static void Feed(Classifier model, int rows, Func<int, bool>? label = null)
    {
        label ??= row => row % 3 == 0;
        var x = new FeatureVector(new FeatureSchema());
        for (int row = 0; row < rows; row++)
        {
            x.Clear();
            x.Set("x", row);
            model.LearnOne(x, label(row));
        }
    }

    public static int[] LearnCounts(IReadOnlyList<Classifier> models)
    {
        var counts = new int[models.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = ((StubClassifier)models[i]).Learned;
        }

        return counts;
    }
}
