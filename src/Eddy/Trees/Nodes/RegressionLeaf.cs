using Eddy.Base;
using Eddy.Serialization;
using Eddy.Trees.SplitCriteria;
using Eddy.Trees.Splitters;

namespace Eddy.Trees.Nodes;

/// <summary>
/// River's <c>LeafMean</c>, <c>LeafModel</c> and <c>LeafAdaptive</c> (the mode chosen by the tree): the target's
/// running mean and variance, per-feature splitters, and for the model modes a regression model of its own. The
/// adaptive mode keeps faded squared errors of both predictors (Ikonomovska et al., 2011) and answers with the
/// better one.
/// </summary>
internal class RegressionLeaf : Leaf
{
    public const byte TagValue = 11;
    private VarianceStats _stats;

    public RegressionLeaf(int depth, Splitter numericTemplate, RegressionLeafMode mode, VarianceStats stats, Regressor? model)
        : base(depth, numericTemplate)
    {
        Mode = mode;
        _stats = stats;
        Model = model;
        LastSplitAttemptAt = TotalWeight;
    }

    public RegressionLeafMode Mode { get; }

    public VarianceStats Stats => _stats;

    /// <summary>The leaf's own regression model (null in mean mode).</summary>
    public Regressor? Model { get; }

    public double FadedErrorMean { get; set; }

    public double FadedErrorModel { get; set; }

    public override double TotalWeight => _stats.N;

    // Deeper leaves are less likely to split: they are deactivated first.
    public override double CalculatePromise() => -Depth;

    public virtual void Learn(FeatureVector x, double y, double weight, double decay, TreeCore tree)
    {
        VarianceStats stats = _stats.Next(y, weight);
        if (!stats.IsFinite)
        {
            throw new NonFiniteUpdateException("HoeffdingTreeRegressor", "a leaf's target statistics");
        }

        double errorMean = FadedErrorMean, errorModel = FadedErrorModel;
        if (Mode == RegressionLeafMode.Adaptive)
        {
            double predictionMean = _stats.Mean;
            double predictionModel = Model!.PredictOne(x);
            errorMean = (decay * errorMean) + Math.Pow(y - predictionMean, 2);
            errorModel = (decay * errorModel) + Math.Pow(y - predictionModel, 2);
        }

        // The model checks its own update before changing anything; the statistics cannot fail after the check above.
        Model?.LearnOne(x, y, weight);
        _stats = stats;
        if (IsActive)
        {
            int observed = ObservedCount(x);
            for (int k = 0; k < observed; k++)
            {
                int i = ObservedPosition(x, k);
                if (i >= 0)
                {
                    SplitterFor(x, i, tree)?.Update(FeatureValue.At(x, i), y, weight);
                }
            }
        }

        FadedErrorMean = errorMean;
        FadedErrorModel = errorModel;
    }

    public virtual double Predict(FeatureVector x) => Mode switch
    {
        RegressionLeafMode.Mean => _stats.Mean,
        RegressionLeafMode.Model => Model!.PredictOne(x),
        _ => FadedErrorMean < FadedErrorModel ? _stats.Mean : Model!.PredictOne(x),
    };

    /// <summary>River's <c>manage_memory</c>: prunes hopeless points of the E-BST splitters after a failed attempt.</summary>
    public void ManageMemory(VarianceReductionSplitCriterion criterion, double lastCheckRatio, double lastCheckVr, double lastCheckE)
    {
        for (int i = 0; i < SplitterCount; i++)
        {
            SplitterAt(i).RemoveBadSplits(criterion, lastCheckRatio, lastCheckVr, lastCheckE, _stats);
        }
    }

    public override long EstimateBytes() => base.EstimateBytes() + 48 + (Model is null ? 0 : 64 + Model.SerializeState().Length);

    public override void WriteState(StateWriter writer)
    {
        writer.WriteByte(TagValue);
        writer.WriteInt32(Depth);
        writer.WriteByte((byte)Mode);
        _stats.WriteState(writer);
        writer.WriteDouble(FadedErrorMean);
        writer.WriteDouble(FadedErrorModel);
        writer.WriteBoolean(Model is not null);
        Model?.WriteState(writer);
        WriteObservers(writer);
    }

    /// <summary>Reads a leaf written by <see cref="WriteState"/> (after its tag); the model is a fresh copy of <paramref name="modelTemplate"/>.</summary>
    public static RegressionLeaf Read(StateReader reader, Splitter numericTemplate, Regressor modelTemplate) =>
        Read(reader, modelTemplate, (depth, mode, stats, model) => new RegressionLeaf(depth, numericTemplate, mode, stats, model));

    /// <summary>Reads the base part of a leaf into the instance <paramref name="create"/> makes (ARF leaves extend it).</summary>
    public static RegressionLeaf Read(
        StateReader reader, Regressor modelTemplate, Func<int, RegressionLeafMode, VarianceStats, Regressor?, RegressionLeaf> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        int depth = ReadDepth(reader);
        var mode = (RegressionLeafMode)reader.ReadByte();
        StateReader.Require(Enum.IsDefined(mode), "Unknown regression leaf mode.");
        VarianceStats stats = VarianceStats.Read(reader);
        double errorMean = reader.ReadDouble();
        double errorModel = reader.ReadDouble();
        Regressor? model = null;
        if (reader.ReadBoolean())
        {
            model = (Regressor)modelTemplate.CloneFresh();
            model.ReadState(reader);
        }

        StateReader.Require((model is null) == (mode == RegressionLeafMode.Mean), "A regression leaf's model does not match its mode.");
        RegressionLeaf leaf = create(depth, mode, stats, model);
        leaf.FadedErrorMean = errorMean;
        leaf.FadedErrorModel = errorModel;
        leaf.ReadObservers(reader, 0);
        return leaf;
    }

    protected override Splitter NewNominalSplitter() => new NominalRegressionSplitter();
}
