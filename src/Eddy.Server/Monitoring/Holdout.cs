using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Server.Json;
using Eddy.Utils;

namespace Eddy.Server.Monitoring;

/// <summary>
/// The "holdout evaluation set containing old and most recent data": a bounded set of labelled examples, part
/// a uniform sample of the whole history (Vitter's Algorithm R with the model's own seeded generator, saved in its
/// state) and part the most recent examples. An example may sit in both parts. Candidates are scored on it before a
/// promotion, and the champion before a snapshot; scoring only predicts, so it changes no model.
/// </summary>
internal sealed class Holdout
{
    private const byte StateVersion = 1;

    private readonly HoldoutSpec _spec;
    private readonly RawExample?[] _reservoir;
    private readonly RawExample?[] _recent;
    private PythonRandom _random;
    private long _seen;
    private int _recentStart;
    private int _recentCount;

    public Holdout(HoldoutSpec spec)
    {
        _spec = spec;
        _reservoir = new RawExample?[spec.ReservoirSlots];
        _recent = new RawExample?[spec.RecentSlots];
        _random = new PythonRandom(spec.Seed);
    }

    /// <summary>Examples held now.</summary>
    public int Count => (int)Math.Min(_seen, _reservoir.Length) + _recentCount;

    /// <summary>The held examples: the reservoir sample in slot order, then the recent ones, oldest first.</summary>
    public IEnumerable<RawExample> Held()
    {
        int reservoirCount = (int)Math.Min(_seen, _reservoir.Length);
        for (int i = 0; i < reservoirCount; i++)
        {
            yield return _reservoir[i]!;
        }

        for (int i = 0; i < _recentCount; i++)
        {
            yield return _recent[(_recentStart + i) % _recent.Length]!;
        }
    }

    /// <summary>Takes a learned example into the set (copied; no allocation once the set is full).</summary>
    public void Add(RawExample example, Label y)
    {
        _seen++;
        if (_reservoir.Length > 0)
        {
            if (_seen <= _reservoir.Length)
            {
                Store(_reservoir, (int)(_seen - 1), example, y);
            }
            else
            {
                // Algorithm R: the n-th example replaces a random slot with probability k / n.
                long j = _random.RandBelow(_seen);
                if (j < _reservoir.Length)
                {
                    Store(_reservoir, (int)j, example, y);
                }
            }
        }

        if (_recent.Length > 0)
        {
            int slot = (_recentStart + _recentCount) % _recent.Length;
            if (_recentCount == _recent.Length)
            {
                _recentStart = (_recentStart + 1) % _recent.Length;
            }
            else
            {
                _recentCount++;
            }

            Store(_recent, slot, example, y);
        }
    }

    /// <summary>
    /// <paramref name="model"/>'s value of a fresh copy of <paramref name="metric"/> over the set (NaN when it is empty),
    /// predicting each example with <paramref name="x"/> bound to the writer's schema.
    /// </summary>
    public double Score(Estimator model, Metric metric, FeatureVector x, FeatureSchema schema, ClassProbabilities probabilities)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        Metric fresh = metric.CloneFresh();
        int reservoirCount = (int)Math.Min(_seen, _reservoir.Length);
        for (int i = 0; i < reservoirCount; i++)
        {
            ScoreOne(model, fresh, _reservoir[i]!, x, schema, probabilities);
        }

        for (int i = 0; i < _recentCount; i++)
        {
            ScoreOne(model, fresh, _recent[(_recentStart + i) % _recent.Length]!, x, schema, probabilities);
        }

        return fresh.Value;
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteByte(StateVersion);
        writer.WriteInt64(_seen);
        _random.WriteState(writer);
        int reservoirCount = (int)Math.Min(_seen, _reservoir.Length);
        for (int i = 0; i < reservoirCount; i++)
        {
            WriteExample(writer, _reservoir[i]!);
        }

        writer.WriteInt32(_recentCount);
        for (int i = 0; i < _recentCount; i++)
        {
            WriteExample(writer, _recent[(_recentStart + i) % _recent.Length]!);
        }
    }

    public void ReadState(StateReader reader)
    {
        StateReader.Require(reader.ReadByte() == StateVersion, "Unknown holdout state version.");
        long seen = reader.ReadInt64();
        StateReader.Require(seen >= 0, "The holdout state is invalid.");
        PythonRandom random = PythonRandom.ReadState(reader);
        var reservoir = new RawExample[(int)Math.Min(seen, _reservoir.Length)];
        for (int i = 0; i < reservoir.Length; i++)
        {
            reservoir[i] = ReadExample(reader);
        }

        int recentCount = reader.ReadInt32();
        StateReader.Require(recentCount >= 0 && recentCount <= _recent.Length && recentCount <= seen, "The holdout state does not match its size.");
        var recent = new RawExample[recentCount];
        for (int i = 0; i < recentCount; i++)
        {
            recent[i] = ReadExample(reader);
        }

        _seen = seen;
        _random = random;
        Array.Clear(_reservoir);
        Array.Copy(reservoir, _reservoir, reservoir.Length);
        Array.Clear(_recent);
        Array.Copy(recent, _recent, recentCount);
        _recentStart = 0;
        _recentCount = recentCount;
    }

    private static void Store(RawExample?[] slots, int slot, RawExample example, Label y)
    {
        RawExample target = slots[slot] ??= new RawExample();
        example.CopyTo(target);
        target.Y = y;
    }

    private static void ScoreOne(Estimator model, Metric metric, RawExample example, FeatureVector x, FeatureSchema schema, ClassProbabilities probabilities)
    {
        x.Reset(schema, interning: false);
        example.Fill(x);
        Contender.Score(model, metric, null, example.Y, x, probabilities);
    }

    private static void WriteExample(StateWriter writer, RawExample example)
    {
        writer.WriteLabel(example.Y);
        writer.WriteInt32(example.Count);
        for (int i = 0; i < example.Count; i++)
        {
            example.WriteFeature(writer, i);
        }
    }

    private static RawExample ReadExample(StateReader reader)
    {
        Label y = reader.ReadLabel();
        var example = new RawExample();
        int features = reader.ReadInt32();
        StateReader.Require(features >= 0, "The holdout state is invalid.");
        for (int j = 0; j < features; j++)
        {
            example.ReadFeature(reader);
        }

        example.Y = y;
        return example;
    }
}
