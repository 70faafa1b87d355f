using Eddy.Base;
using Eddy.Serialization;

namespace Eddy.Compose;

/// <summary>
/// River's <c>compose.TransformerUnion</c>: every transformer sees the same input; their outputs are merged in
/// order (a later transformer's feature replaces an earlier one of the same name, as <c>dict.update</c> does).
/// </summary>
public sealed class TransformerUnion : Transformer
{
    private const byte StateVersion = 1;
    private readonly Transformer[] _transformers;

    public TransformerUnion(IEnumerable<Transformer> transformers)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        _transformers = [.. transformers];
        if (_transformers.Length == 0)
        {
            throw new ArgumentException("A union needs at least one transformer.", nameof(transformers));
        }

        foreach (Transformer transformer in _transformers)
        {
            ArgumentNullException.ThrowIfNull(transformer, nameof(transformers));
        }
    }

    public IReadOnlyList<Transformer> Transformers => _transformers;

    public override bool AcceptsCategorical
    {
        get
        {
            foreach (Transformer transformer in _transformers)
            {
                if (transformer.AcceptsCategorical)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal override bool LearnsFromTarget
    {
        get
        {
            foreach (Transformer transformer in _transformers)
            {
                if (transformer.LearnsFromTarget)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal override void ValidateTarget(Label y)
    {
        foreach (Transformer transformer in _transformers)
        {
            transformer.ValidateTarget(y);
        }
    }

    /// <summary>River: the union's supervised members learn after the union has transformed.</summary>
    internal override void LearnTarget(FeatureVector x, Label y)
    {
        foreach (Transformer transformer in _transformers)
        {
            if (transformer.LearnsFromTarget)
            {
                transformer.LearnTarget(x, y);
            }
        }
    }

    public static TransformerUnion Merge(Transformer left, Transformer right) =>
        new([.. Members(left), .. Members(right)]);

    protected override void LearnCore(FeatureVector x)
    {
        ValidateInput(x);
        foreach (Transformer transformer in _transformers)
        {
            transformer.LearnOne(x);
        }
    }

    protected override void TransformCore(FeatureVector x, FeatureVector output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(x.Schema, output.Interning);
        FeatureVector part = ScratchPool.RentVector(x.Schema, output.Interning);
        try
        {
            foreach (Transformer transformer in _transformers)
            {
                part.Reset(x.Schema, output.Interning);
                transformer.TransformOne(x, part);
                output.MergeFrom(part);
            }
        }
        finally
        {
            ScratchPool.Return(part);
        }
    }

    public override Estimator CloneFresh()
    {
        var copies = new Transformer[_transformers.Length];
        for (int i = 0; i < copies.Length; i++)
        {
            copies[i] = (Transformer)_transformers[i].CloneFresh();
        }

        return new TransformerUnion(copies);
    }

    public override void WriteState(StateWriter writer)
    {
        writer.WriteHeader(nameof(TransformerUnion), StateVersion);
        writer.WriteInt32(_transformers.Length);
        foreach (Transformer transformer in _transformers)
        {
            transformer.WriteState(writer);
        }
    }

    public override void ReadState(StateReader reader)
    {
        reader.ReadHeader(nameof(TransformerUnion), StateVersion);
        StateReader.Require(reader.ReadInt32() == _transformers.Length, "The saved union has a different number of transformers.");
        var copies = new Transformer[_transformers.Length];
        for (int i = 0; i < copies.Length; i++)
        {
            copies[i] = (Transformer)_transformers[i].CloneFresh();
            copies[i].ReadState(reader);
        }

        for (int i = 0; i < copies.Length; i++)
        {
            PipelineSteps.CopyState(copies[i], _transformers[i]);
        }
    }

    public override string ToString() => string.Join(" + ", _transformers.Select(t => t is TransformerPipeline ? $"({t})" : t.ToString()));

    private static IEnumerable<Transformer> Members(Transformer transformer) =>
        transformer is TransformerUnion union ? union._transformers : [transformer];
}
