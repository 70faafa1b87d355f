using Eddy.Base;
using Eddy.Metrics;
using Eddy.Serialization;
using Eddy.Server.Json;

namespace Eddy.Server.Monitoring;

/// <summary>
/// Champion/challenger on a model's writer: every challenger learns each example in shadow after the champion
/// (predict → score → learn), each contender keeps its own global and rolling promotion metric, and after each learn
/// the promotion rule is checked. Everything is a function of the spec and the stream — the holdout samples with its
/// own seeded generator — and all of it is saved with the model's watch state, so a replay promotes at the same learns.
/// </summary>
internal sealed class ChallengerSet
{
    private const byte StateVersion = 1;

    private readonly ChallengerSpec _spec;
    private readonly Estimator _mainPrototype;
    private readonly Metric _metric;
    private readonly List<Contender> _contenders = [];
    private readonly Holdout? _holdout;
    private readonly ClassProbabilities _probabilities = new();
    private FeatureVector? _scratch;
    private int _champion;

    public ChallengerSet(ChallengerSpec spec, Estimator mainPrototype, IReadOnlyList<Metric> metricPrototypes)
    {
        _spec = spec;
        _mainPrototype = mainPrototype;
        _metric = metricPrototypes[spec.MetricIndex];
        _holdout = spec.Holdout is { } holdout ? new Holdout(holdout) : null;
        _contenders.Add(NewContender(ChallengerSpec.MainName, -1, 0));
        for (int i = 0; i < spec.Entries.Count; i++)
        {
            Contender challenger = NewContender(spec.Entries[i].Name, i, 0);
            challenger.Model = spec.Entries[i].Prototype.CloneFresh();
            _contenders.Add(challenger);
        }
    }

    public ChallengerSpec Spec => _spec;

    public Contender Champion => _contenders[_champion];

    /// <summary>A fresh instance of the champion's spec (what reset, rollback and retrain rebuild from).</summary>
    public Estimator ChampionPrototype => Prototype(Champion.Source);

    public IReadOnlyList<Contender> Contenders => _contenders;

    /// <summary>The holdout set (null without one).</summary>
    public Holdout? Holdout => _holdout;

    /// <summary>
    /// After the champion learned <paramref name="x"/>: scores the champion's own prediction (null/NaN when it made none),
    /// then gives every challenger its turn.
    /// </summary>
    public void Observe(FeatureVector x, Label y, ClassificationPrediction? prediction, double predicted)
    {
        for (int i = 0; i < _contenders.Count; i++)
        {
            if (i == _champion)
            {
                _contenders[i].ScoreChampion(y, prediction, predicted);
            }
            else
            {
                _contenders[i].Shadow(x, y, _probabilities);
            }
        }
    }

    /// <summary>
    /// After the learn numbered <paramref name="sequence"/>: takes the example into the holdout, re-scores everyone on it
    /// once a window, and applies the promotion rule. A promotion swaps the models (<paramref name="champion"/> is the
    /// learner's, replaced by the returned decision's winner through <see cref="Promote"/>).
    /// </summary>
    public ChallengerDecision? Decide(long sequence, RawExample example, Label y, Estimator champion, FeatureSchema schema)
    {
        _holdout?.Add(example, y);
        if (_holdout is not null && sequence % _spec.Window == 0)
        {
            for (int i = 0; i < _contenders.Count; i++)
            {
                _contenders[i].HoldoutScore = HoldoutScore(i == _champion ? champion : _contenders[i].Model!, schema);
            }
        }

        double championRolling = Champion.Rolling.Value;
        if (_contenders.Count < 2 || !double.IsFinite(championRolling))
        {
            return null;
        }

        int best = -1;
        double bestGain = 0;
        for (int i = 0; i < _contenders.Count; i++)
        {
            Contender c = _contenders[i];
            double rolling = c.Rolling.Value;
            if (i == _champion || c.Seen < _spec.MinExamples || sequence < c.NextCheck || !double.IsFinite(rolling))
            {
                continue;
            }

            // "Beats by the margin": strictly better, and by at least the margin, in the metric's direction.
            double gain = _metric.BiggerIsBetter ? rolling - championRolling : championRolling - rolling;
            if (gain > 0 && gain >= _spec.Margin && (best < 0 || gain > bestGain))
            {
                best = i;
                bestGain = gain;
            }
        }

        if (best < 0)
        {
            return null;
        }

        Contender candidate = _contenders[best];
        double candidateHoldout = double.NaN;
        double championHoldout = double.NaN;
        if (_holdout is { Count: > 0 })
        {
            candidateHoldout = candidate.HoldoutScore = HoldoutScore(candidate.Model!, schema);
            championHoldout = Champion.HoldoutScore = HoldoutScore(champion, schema);

            // The candidate must not be worse on the holdout (ties pass); a score that cannot compare does not decide.
            bool worse = _metric.BiggerIsBetter ? candidateHoldout < championHoldout : candidateHoldout > championHoldout;
            if (worse)
            {
                candidate.NextCheck = sequence + _spec.Window;
                return Decision(false, "holdout", candidate, candidateHoldout, championHoldout);
            }
        }

        return Decision(true, "rolling", candidate, candidateHoldout, championHoldout);
    }

    /// <summary>Makes the named challenger champion; returns its model, for the learner to swap in (the old one stays as a challenger).</summary>
    public Estimator Promote(string name, Estimator champion)
    {
        int index = IndexOf(name);
        Contender winner = _contenders[index];
        Estimator model = winner.Model!;
        winner.Model = null;
        Champion.Model = champion;
        _champion = index;
        return model;
    }

    /// <summary>A manual promotion's record (no rule applies; the holdout scores are recorded); null for an unknown name.</summary>
    public ChallengerDecision? Manual(string name, Estimator champion, FeatureSchema schema)
    {
        int index = IndexOf(name);
        if (index < 0 || index == _champion)
        {
            return null;
        }

        Contender candidate = _contenders[index];
        double candidateHoldout = double.NaN;
        double championHoldout = double.NaN;
        if (_holdout is { Count: > 0 })
        {
            candidateHoldout = candidate.HoldoutScore = HoldoutScore(candidate.Model!, schema);
            championHoldout = Champion.HoldoutScore = HoldoutScore(champion, schema);
        }

        return Decision(true, "manual", candidate, candidateHoldout, championHoldout);
    }

    public int IndexOf(string name)
    {
        for (int i = 0; i < _contenders.Count; i++)
        {
            if (_contenders[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Starts a challenger of the champion's spec, already trained (the policy's <c>challenger</c> action); it replaces
    /// an earlier policy-started challenger that is not champion, so their number stays bounded.
    /// </summary>
    public Contender Start(long sequence, Estimator trained)
    {
        for (int i = _contenders.Count - 1; i >= 0; i--)
        {
            if (i != _champion && _contenders[i].PolicyStarted)
            {
                _contenders.RemoveAt(i);
                if (i < _champion)
                {
                    _champion--;
                }
            }
        }

        Contender started = NewContender(ChallengerSpec.RetrainedPrefix + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Champion.Source, sequence);
        started.Model = trained;
        _contenders.Add(started);
        return started;
    }

    /// <summary>The champion's score on the holdout now (NaN without one); stored with each snapshot.</summary>
    public double HoldoutScore(Estimator model, FeatureSchema schema)
    {
        if (_holdout is null)
        {
            return double.NaN;
        }

        FeatureVector x = _scratch ??= new FeatureVector(schema);
        return _holdout.Score(model, _metric, x, schema, _probabilities);
    }

    public ChallengerReport Report()
    {
        var contenders = new ContenderReport[_contenders.Count];
        for (int i = 0; i < contenders.Length; i++)
        {
            Contender c = _contenders[i];
            contenders[i] = new ContenderReport(c.Name, i == _champion, c.StartedAt, c.Seen, c.Skipped, c.Rolling.Value, c.Global.Value, c.HoldoutScore);
        }

        return new ChallengerReport(_metric.Name, _metric.BiggerIsBetter, _spec.Window, _spec.Margin, _spec.MinExamples, _spec.Holdout?.Size ?? 0, _holdout?.Count ?? 0, contenders);
    }

    public void WriteState(StateWriter writer)
    {
        writer.WriteByte(StateVersion);
        writer.WriteInt32(_champion);
        writer.WriteInt32(_contenders.Count);
        foreach (Contender contender in _contenders)
        {
            contender.WriteState(writer);
        }

        writer.WriteBoolean(_holdout is not null);
        _holdout?.WriteState(writer);
    }

    /// <summary>Reads the state written by <see cref="WriteState"/>; everything is checked before anything changes.</summary>
    public void ReadState(StateReader reader)
    {
        StateReader.Require(reader.ReadByte() == StateVersion, "Unknown challengers state version.");
        int champion = reader.ReadInt32();
        int count = reader.ReadInt32();
        StateReader.Require(count is >= 1 and <= ChallengerSpec.MaxChallengers + 3 && champion >= 0 && champion < count, "The challengers state is invalid.");
        var contenders = new List<Contender>(count);
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            int source = reader.ReadInt32();
            StateReader.Require(source >= -1 && source < _spec.Entries.Count, "The challengers state names a challenger the spec does not have.");
            var contender = NewContender(name, source, reader.ReadInt64());
            contender.Seen = reader.ReadInt64();
            contender.Skipped = reader.ReadInt64();
            contender.HoldoutScore = reader.ReadDouble();
            contender.NextCheck = reader.ReadInt64();
            contender.Global.ReadState(new StateReader(reader.ReadBytes()));
            contender.Rolling.ReadState(new StateReader(reader.ReadBytes()));
            bool hasModel = reader.ReadBoolean();
            StateReader.Require(hasModel == (i != champion), "The challengers state does not match its champion.");
            if (hasModel)
            {
                Estimator model = Prototype(source).CloneFresh();
                model.ReadState(new StateReader(reader.ReadBytes()));
                contender.Model = model;
            }

            contenders.Add(contender);
        }

        bool hasHoldout = reader.ReadBoolean();
        StateReader.Require(hasHoldout == (_holdout is not null), "The challengers state does not match the holdout spec.");
        _holdout?.ReadState(reader);
        _contenders.Clear();
        _contenders.AddRange(contenders);
        _champion = champion;
    }

    private Estimator Prototype(int source) => source < 0 ? _mainPrototype : _spec.Entries[source].Prototype;

    private Contender NewContender(string name, int source, long startedAt)
    {
        Metric global = _metric.CloneFresh();
        Metric rolling = global.CloneFresh() switch
        {
            ClassificationMetric c => Rolling.Of(c, _spec.Window),
            RegressionMetric r => Rolling.Of(r, _spec.Window),
            Metric other => other,
        };
        return new Contender(name, source, startedAt, global, rolling);
    }

    private ChallengerDecision Decision(bool promoted, string reason, Contender candidate, double candidateHoldout, double championHoldout) => new(
        promoted, reason, candidate.Name, Champion.Name, _metric.Name, candidate.Rolling.Value, Champion.Rolling.Value, _spec.Margin, candidate.Seen, candidateHoldout, championHoldout);
}
