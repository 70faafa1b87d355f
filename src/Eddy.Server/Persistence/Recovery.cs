using System.Diagnostics;
using Eddy.Serialization;
using Eddy.Server.Hosting;
using Eddy.Storage;

namespace Eddy.Server.Persistence;

/// <summary>
/// Rebuilds every model at start: the newest valid snapshot of each (an unreadable one is reported and the previous
/// one used), then the log records after it, in log order. Learning is deterministic, so each model ends bit-identical
/// to the one that acknowledged its last record. A torn log tail holds only unacknowledged data and is dropped by the log.
/// </summary>
internal static class Recovery
{
    public static void Run(ModelRegistry registry, ModelFactory factory, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        ModelStore store = registry.Store!;
        var covered = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string name in store.Snapshots.Names())
        {
            LoadNewestSnapshot(registry, factory, store, name, covered, logger);
        }

        long records = 0;
        long replayed = 0;
        var features = new Json.RawExample();
        foreach (WalRecord record in store.Log.Read())
        {
            records++;
            switch ((LogRecordKind)record.Kind)
            {
                case LogRecordKind.ModelCreated:
                {
                    LogRecords.CreatedModel created = LogRecords.ReadModelCreated(record.Payload);
                    if (!IsCovered(covered, created.Name, record.Lsn))
                    {
                        registry.Attach(factory.FromLog(created), record.Lsn);
                        covered.Remove(created.Name);
                    }

                    break;
                }

                case LogRecordKind.ModelLoaded:
                {
                    ModelSnapshot loaded = ModelSnapshot.Deserialize(record.Payload);
                    if (!IsCovered(covered, loaded.Name, record.Lsn))
                    {
                        registry.Detach(loaded.Name);
                        registry.Attach(factory.FromSnapshot(loaded), record.Lsn).Load(loaded with { CoveredLsn = record.Lsn });
                        covered.Remove(loaded.Name);
                    }

                    break;
                }

                case LogRecordKind.ModelReconfigured:
                {
                    (string name, PublicationPolicy publication) = LogRecords.ReadModelReconfigured(record.Payload);
                    if (!IsCovered(covered, name, record.Lsn) && registry.TryGet(name, out ModelHost? host))
                    {
                        host.Reconfigure(publication);
                    }

                    break;
                }

                case LogRecordKind.ChallengerPromoted:
                {
                    (string name, string challenger) = LogRecords.ReadChallengerPromoted(record.Payload);
                    if (!IsCovered(covered, name, record.Lsn) && registry.TryGet(name, out ModelHost? host))
                    {
                        host.ReplayPromotion(challenger, record.Lsn);
                    }

                    break;
                }

                case LogRecordKind.ModelRevised:
                {
                    RevisionRecords.Revised revised = RevisionRecords.Read(record.Payload);
                    if (!IsCovered(covered, revised.Name, record.Lsn) && registry.TryGet(revised.Name, out ModelHost? host))
                    {
                        host.ReplayChange(revised, factory, record.Lsn);
                    }

                    break;
                }

                case LogRecordKind.ModelDeleted:
                {
                    string name = LogRecords.ReadModelDeleted(record.Payload);
                    if (!IsCovered(covered, name, record.Lsn))
                    {
                        registry.Detach(name);
                    }

                    break;
                }

                case LogRecordKind.Learned:
                {
                    LogRecords.LearnedRecord learned = LogRecords.ReadLearned(record.Payload, features);
                    if (!IsCovered(covered, learned.Model, record.Lsn) && registry.TryGet(learned.Model, out ModelHost? host))
                    {
                        host.Replay(learned.Work, learned.Sequence, record.Lsn);
                        replayed++;
                    }

                    break;
                }

                case LogRecordKind.LearnedBatch:
                {
                    string model = BatchRecords.ModelOf(record.Payload);
                    if (!IsCovered(covered, model, record.Lsn) && registry.TryGet(model, out ModelHost? host))
                    {
                        replayed += host.ReplayBatch(record.Payload, record.Lsn);
                    }

                    break;
                }

                default:
                    throw new WalCorruptException($"Unknown log record kind {record.Kind} at LSN {record.Lsn}.");
            }
        }

        foreach (ModelHost host in registry.Models)
        {
            host.Start();
        }

        logger.LogInformation(
            "Recovered {Models} models: {Records} log records read, {Replayed} learns replayed, in {Elapsed} ms.",
            registry.Models.Count, records, replayed, clock.ElapsedMilliseconds);
    }

    private static bool IsCovered(Dictionary<string, long> covered, string name, long lsn) =>
        covered.TryGetValue(name, out long upTo) && lsn <= upTo;

    private static void LoadNewestSnapshot(ModelRegistry registry, ModelFactory factory, ModelStore store, string name, Dictionary<string, long> covered, ILogger logger)
    {
        foreach (SnapshotFile file in store.Snapshots.List(name))
        {
            try
            {
                ModelSnapshot snapshot = ModelSnapshot.Deserialize(store.Snapshots.Read(file));
                ModelDefinition definition = factory.FromSnapshot(snapshot);
                ModelHost host = registry.Attach(definition, creationLsn: 0);
                try
                {
                    host.Load(snapshot);
                }
                catch
                {
                    registry.Detach(name);
                    throw;
                }

                covered[name] = snapshot.CoveredLsn;
                return;
            }
            catch (Exception e) when (e is SnapshotFormatException or Eddy.Specs.SpecException or IOException)
            {
                logger.LogError("Snapshot {Path} is unusable ({Reason}); trying an older one.", file.Path, e.Message);
            }
        }
    }
}
