using Eddy.Base;
using Eddy.Serialization;
using Eddy.Server.Json;
using Eddy.Server.Monitoring;

namespace Eddy.Server.Hosting;

/// <summary>The model's policy acting on a monitor's alarm: reset, rollback, retrain or start a challenger, in stream order.</summary>
internal sealed partial class Learner
{
    /// <summary>Carries out the policy at <paramref name="sequence"/>, in stream order, and records what happened.</summary>
    private void Act(WatchAlarm alarm, long sequence)
    {
        WatchAction action = _watch!.Spec.Action;
        long restored = -1;
        string? started = null;
        switch (action)
        {
            case WatchAction.Reset:
                Model = ChampionPrototype.CloneFresh();
                break;
            case WatchAction.Rollback:
                Estimator rolledBack = ChampionPrototype.CloneFresh();
                if (_watch.RollbackTarget(sequence) is { } checkpoint)
                {
                    rolledBack.ReadState(new StateReader(checkpoint.State));
                    restored = checkpoint.Sequence;
                }
                else
                {
                    restored = 0;
                }

                Model = rolledBack;
                break;
            case WatchAction.Retrain:
                Model = Retrained();
                break;
            case WatchAction.Challenger:
                started = StartChallenger(sequence);
                break;
        }

        if (action is WatchAction.Reset or WatchAction.Rollback or WatchAction.Retrain)
        {
            ModelReplaced(sequence);
        }

        if (_monitor is not null)
        {
            DateTimeOffset now = _time.GetUtcNow();
            _monitor.Record("drift", sequence, now, writer =>
            {
                writer.WriteString("monitor"u8, alarm.Monitor);
                writer.WriteString("source"u8, alarm.Source);
                if (double.IsFinite(alarm.Rolling))
                {
                    writer.WriteNumber("rolling"u8, alarm.Rolling);
                }

                if (double.IsFinite(alarm.Global))
                {
                    writer.WriteNumber("global"u8, alarm.Global);
                }

                if (double.IsFinite(alarm.Psi))
                {
                    writer.WriteNumber("psi"u8, alarm.Psi);
                }

                if (alarm.Detector is not null)
                {
                    writer.WriteString("detector"u8, alarm.Detector);
                }
            });
            _monitor.Record("policy", sequence, now, writer =>
            {
                writer.WriteString("action"u8, action.ToString().ToLowerInvariant());
                writer.WriteString("cause"u8, alarm.Monitor);
                if (restored >= 0)
                {
                    writer.WriteNumber("restoredTo"u8, restored);
                }

                if (action is WatchAction.Retrain or WatchAction.Challenger)
                {
                    writer.WriteNumber("window"u8, _watch.Spec.Window);
                }

                if (started is not null)
                {
                    writer.WriteString("challenger"u8, started);
                }
            });
        }

        if (started is not null)
        {
            RecordStarted(started, sequence);
        }
    }

    /// <summary>A fresh model trained on the remembered window, oldest first, as the log has those learns.</summary>
    private Estimator Retrained()
    {
        Estimator fresh = ChampionPrototype.CloneFresh();
        foreach (RawExample example in _watch!.Window())
        {
            _x.Reset(Schema, interning: true);
            example.Fill(_x);
            try
            {
                switch (fresh)
                {
                    case Classifier classifier:
                        classifier.LearnOne(_x, example.Y);
                        break;
                    case Regressor regressor:
                        regressor.LearnOne(_x, example.Y.ToDouble());
                        break;
                }
            }
            catch (NonFiniteUpdateException)
            {
                // The example was fine for the model that learned it; a fresh one may refuse it. It is skipped.
            }
        }

        return fresh;
    }
}
