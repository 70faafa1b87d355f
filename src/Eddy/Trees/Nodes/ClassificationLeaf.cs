using System.Runtime.InteropServices;
using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.Splitters;

namespace Eddy.Trees.Nodes;

/// <summary>
/// River's <c>LeafMajorityClass</c>, <c>LeafNaiveBayes</c> and <c>LeafNaiveBayesAdaptive</c> (one class, the
/// prediction mode chosen by the tree): class weights, per-feature splitters, and for the adaptive mode the
/// weights the majority class and naive Bayes would have predicted correctly.
/// </summary>
internal class ClassificationLeaf : Leaf
{
    public const byte TagValue = 10;
    private const int StackLimit = 128;

    public ClassificationLeaf(int depth, Splitter numericTemplate, LeafPrediction prediction, ClassWeights stats)
        : base(depth, numericTemplate)
    {
        Prediction = prediction;
        Stats = stats;
        LastSplitAttemptAt = TotalWeight;
    }

    public LeafPrediction Prediction { get; }

    public ClassWeights Stats { get; private set; }

    public double MajorityClassCorrectWeight { get; private set; }

    public double NaiveBayesCorrectWeight { get; private set; }

    public override double TotalWeight => Stats.Count > 0 ? Stats.Total() : 0.0;

    public override double CalculatePromise()
    {
        double total = Stats.Total();
        return total > 0 ? total - Stats.WeightAt(Stats.ArgMaxPosition()) : 0.0;
    }

    /// <summary>River's <c>observed_class_distribution_is_pure</c>: fewer than two classes of non-zero weight.</summary>
    public bool IsPure()
    {
        int count = 0;
        for (int i = 0; i < Stats.Count && count < 2; i++)
        {
            count += Stats.WeightAt(i) != 0 ? 1 : 0;
        }

        return count < 2;
    }

    // Naive Bayes leaves keep every observer: poor attributes still feed the likelihoods.
    public override void DisableAttribute(int feature)
    {
        if (Prediction == LeafPrediction.MajorityClass)
        {
            base.DisableAttribute(feature);
        }
    }

    /// <summary>True when every numeric update of this example keeps the Gaussians finite.</summary>
    public bool CanLearn(FeatureVector x, int classIndex, double weight)
    {
        if (!IsActive)
        {
            return true;
        }

        // Each splitter's feature is looked up in x (fewer lookups than each of x's features among a subset's splitters).
        ReadOnlySpan<Splitter> splitters = CollectionsMarshal.AsSpan(Observers);
        ReadOnlySpan<int> features = CollectionsMarshal.AsSpan(ObservedFeatures);
        for (int j = 0; j < splitters.Length && j < features.Length; j++)
        {
            if (splitters[j] is GaussianSplitter gaussian)
            {
                int i = x.PositionOf(features[j]);
                if (i >= 0 && !gaussian.CanUpdate(x.ValueAt(i), classIndex, weight))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public void Learn(FeatureVector x, int classIndex, double weight, TreeCore tree) => Learn(x, classIndex, weight, tree, null);

    /// <summary>
    /// Learns <paramref name="x"/>; a <paramref name="path"/> whose votes were computed on this leaf for
    /// <paramref name="x"/> since its last change supplies the adaptive check's naive Bayes votes.
    /// </summary>
    public virtual void Learn(FeatureVector x, int classIndex, double weight, TreeCore tree, LeafPath? path)
    {
        if (Prediction == LeafPrediction.NaiveBayesAdaptive && IsActive)
        {
            int mc = Stats.ArgMaxPosition();
            if (Stats.Count == 0 || Stats.ClassAt(mc) == classIndex)
            {
                MajorityClassCorrectWeight += weight;
            }

            if (path is { HasVotes: true } && ReferenceEquals(path.Leaf, this))
            {
                if (path.VotesValid && Stats.ClassAt(ArgMax(path.Votes)) == classIndex)
                {
                    NaiveBayesCorrectWeight += weight;
                }
            }
            else
            {
                Span<double> votes = Stats.Count <= StackLimit ? stackalloc double[Stats.Count] : new double[Stats.Count];
                if (NaiveBayes(x, votes) && Stats.ClassAt(ArgMax(votes)) == classIndex)
                {
                    NaiveBayesCorrectWeight += weight;
                }
            }
        }

        Stats.Add(classIndex, weight);
        if (IsActive)
        {
            int observed = ObservedCount(x);
            for (int k = 0; k < observed; k++)
            {
                int i = ObservedPosition(x, k);
                if (i >= 0)
                {
                    SplitterFor(x, i, tree, k)?.Update(FeatureValue.At(x, i), classIndex, weight);
                }
            }
        }
    }

    /// <summary>River's <c>prediction</c>: writes P(class) by class index into <paramref name="byClass"/> (untouched classes stay 0).</summary>
    public virtual void Predict(FeatureVector x, double nbThreshold, Span<double> byClass)
    {
        bool naiveBayes = IsActive && Prediction switch
        {
            LeafPrediction.NaiveBayes => TotalWeight >= nbThreshold,
            LeafPrediction.NaiveBayesAdaptive => NaiveBayesCorrectWeight >= MajorityClassCorrectWeight,
            _ => false,
        };
        if (naiveBayes)
        {
            Span<double> votes = Stats.Count <= StackLimit ? stackalloc double[Stats.Count] : new double[Stats.Count];
            if (NaiveBayes(x, votes))
            {
                for (int i = 0; i < Stats.Count; i++)
                {
                    byClass[Stats.ClassAt(i)] = votes[i];
                }
            }

            return;
        }

        MajorityClass(byClass);
    }

    /// <summary>
    /// <see cref="Predict(FeatureVector, double, Span{double})"/> that also leaves in <paramref name="path"/> the naive
    /// Bayes votes an adaptive leaf's learn step needs (computed whichever prediction wins; they only read state).
    /// </summary>
    public void Predict(FeatureVector x, double nbThreshold, Span<double> byClass, LeafPath path)
    {
        if (Prediction != LeafPrediction.NaiveBayesAdaptive || !IsActive)
        {
            Predict(x, nbThreshold, byClass);
            return;
        }

        Span<double> votes = path.VoteBuffer(Stats.Count);
        bool valid = NaiveBayes(x, votes);
        path.SetVotes(valid);
        if (NaiveBayesCorrectWeight < MajorityClassCorrectWeight)
        {
            MajorityClass(byClass);
        }
        else if (valid)
        {
            for (int i = 0; i < Stats.Count; i++)
            {
                byClass[Stats.ClassAt(i)] = votes[i];
            }
        }
    }

    public override long EstimateBytes() => base.EstimateBytes() + 32 + (16L * Stats.Count);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteByte(TagValue);
        writer.WriteInt32(Depth);
        writer.WriteByte((byte)Prediction);
        WriteBody(writer);
    }

    /// <summary>The statistics and observers, written after the tag, depth and prediction mode.</summary>
    protected void WriteBody(StateWriter writer)
    {
        Stats.WriteState(writer);
        writer.WriteDouble(MajorityClassCorrectWeight);
        writer.WriteDouble(NaiveBayesCorrectWeight);
        WriteObservers(writer);
    }

    /// <summary>Reads a leaf written by <see cref="WriteState"/> (after its tag).</summary>
    public static ClassificationLeaf Read(StateReader reader, Splitter numericTemplate, int classCount) =>
        Read(reader, classCount, (depth, prediction, stats) => new ClassificationLeaf(depth, numericTemplate, prediction, stats));

    /// <summary>Reads the base part of a leaf into the instance <paramref name="create"/> makes (ARF leaves extend it).</summary>
    public static ClassificationLeaf Read(StateReader reader, int classCount, Func<int, LeafPrediction, ClassWeights, ClassificationLeaf> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        int depth = ReadDepth(reader);
        var prediction = (LeafPrediction)reader.ReadByte();
        StateReader.Require(Enum.IsDefined(prediction), "Unknown leaf prediction mode.");
        ClassificationLeaf leaf = create(depth, prediction, new ClassWeights());
        leaf.ReadBody(reader, classCount);
        return leaf;
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote after the depth and prediction mode, into this leaf.</summary>
    protected void ReadBody(StateReader reader, int classCount)
    {
        ClassWeights stats = ClassWeights.Read(reader, classCount);
        double majorityCorrect = reader.ReadDouble();
        double naiveBayesCorrect = reader.ReadDouble();
        ReadObservers(reader, classCount);
        Stats = stats;
        MajorityClassCorrectWeight = majorityCorrect;
        NaiveBayesCorrectWeight = naiveBayesCorrect;
    }

    /// <summary>
    /// River's <c>do_naive_bayes_prediction</c>: log prior plus the log likelihood of each observed feature (a zero
    /// likelihood is skipped), normalised with log-sum-exp; votes follow the order of <see cref="Stats"/>.
    /// </summary>
    private bool NaiveBayes(FeatureVector x, Span<double> votes)
    {
        double total = Stats.Total();
        if (Stats.Count == 0 || total == 0)
        {
            return false;
        }

        int count = SplitterCount;
        Span<int> positions = count <= StackLimit ? stackalloc int[count] : new int[count];
        LocateFeatures(x, positions);
        ReadOnlySpan<Splitter> splitters = CollectionsMarshal.AsSpan(Observers);
        ReadOnlySpan<double> values = x.Values;
        ReadOnlySpan<int> symbols = x.Symbols;

        // Whether a feature votes (present, and not a category under a Gaussian) is the same for every class.
        for (int i = 0; i < positions.Length; i++)
        {
            int position = positions[i];
            if (position >= 0 && symbols[position] != FeatureVector.NoSymbol && splitters[i] is GaussianSplitter)
            {
                positions[i] = -1;
            }
        }

        for (int c = 0; c < Stats.Count; c++)
        {
            double weight = Stats.WeightAt(c);
            if (!(weight > 0))
            {
                votes[c] = 0.0;
                continue;
            }

            int classIndex = Stats.ClassAt(c);
            double vote = Math.Log(weight / total);
            for (int i = 0; i < positions.Length; i++)
            {
                int position = positions[i];
                if (position < 0)
                {
                    continue;
                }

                Splitter splitter = splitters[i];
                double p = splitter is GaussianSplitter gaussian
                    ? gaussian.Density(values[position], classIndex)
                    : splitter.CondProba(new FeatureValue(values[position], symbols[position]), classIndex);
                vote += p > 0 ? Math.Log(p) : 0.0;
            }

            votes[c] = vote;
        }

        double max = votes[0];
        for (int c = 1; c < votes.Length; c++)
        {
            if (votes[c] > max)
            {
                max = votes[c];
            }
        }

        double sum = 0.0;
        for (int c = 0; c < votes.Length; c++)
        {
            sum += Math.Exp(votes[c] - max);
        }

        double lse = max + Math.Log(sum);
        for (int c = 0; c < votes.Length; c++)
        {
            votes[c] = Math.Exp(votes[c] - lse);
        }

        return true;
    }

    private void MajorityClass(Span<double> byClass)
    {
        // normalize_values_in_dict: a zero total leaves the weights as they are.
        double total = Stats.Total();
        for (int i = 0; i < Stats.Count; i++)
        {
            byClass[Stats.ClassAt(i)] = total == 0 ? Stats.WeightAt(i) : Stats.WeightAt(i) / total;
        }
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    protected override Splitter NewNominalSplitter() => new NominalClassSplitter();
}
