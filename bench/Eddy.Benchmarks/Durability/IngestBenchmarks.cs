using System.Buffers;
using BenchmarkDotNet.Attributes;
using Eddy.Base;
using Eddy.Server;
using Eddy.Server.Hosting;
using Eddy.Server.Json;
using Eddy.Server.Persistence;
using Eddy.Specs;
using Microsoft.Extensions.Options;

namespace Eddy.Benchmarks.Durability;

/// <summary>
/// The two halves of bulk ingestion (<c>stream?ack=logged</c>), per example, on 2,048 Phishing-like NDJSON lines: what a
/// request thread does before a batch can be logged (parse, check against the replica, encode into the batch record),
/// and what the model's writer does later to learn it (decode, validate, intern, predict, learn, six metrics). The
/// first bounds how fast the log can take examples; the second how fast the model learns them.
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private const int Lines = 2048;
    private readonly RawExample _raw = new();
    private ReadOnlySequence<byte>[] _lines = [];
    private Replica _replica = null!;
    private Learner _learner = null!;
    private byte[] _record = [];

    [GlobalSetup]
    public void Setup()
    {
        byte[] ndjson = PhishingLike.Ndjson(Lines, seed: 3);
        var lines = new List<ReadOnlySequence<byte>>();
        int start = 0;
        for (int i = 0; i < ndjson.Length; i++)
        {
            if (ndjson[i] == (byte)'\n')
            {
                lines.Add(new ReadOnlySequence<byte>(ndjson, start, i - start));
                start = i + 1;
            }
        }

        _lines = [.. lines];
        var factory = new ModelFactory(Options.Create(new EddyServerOptions()), EstimatorCatalog.Default);
        ModelDefinition definition = factory.FromRequest(new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "bench",
            ["model"] = "StandardScaler | LogisticRegression",
            ["metrics"] = new System.Text.Json.Nodes.JsonArray("ROCAUC", "Accuracy", "LogLoss"),
        });
        _learner = new Learner(definition);
        _replica = _learner.Snapshot(_learner.Schema.Clone(), DateTimeOffset.UnixEpoch);
        LoggedBatch batch = Encode();
        LoggedBatch general = EncodeGeneral();
        _record = batch.Payload.ToArray();
        if (!general.Payload.Span.SequenceEqual(_record))
        {
            throw new InvalidOperationException("The fast path encoded other bytes than the general parser.");
        }

        batch.Release();
        general.Release();
        Learn();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines, Description = "request side: parse + check + encode")]
    public void Accept() => Encode().Release();

    [Benchmark(OperationsPerInvoke = Lines, Description = "request side, general parser")]
    public void AcceptGeneral() => EncodeGeneral().Release();

    [Benchmark(OperationsPerInvoke = Lines, Description = "writer side: decode + learn + metrics")]
    public void Learn()
    {
        var names = new List<string>();
        var reader = new BatchRecords.Reader(_record, names);
        while (true)
        {
            RawExample raw = RawExamplePool.Rent();
            if (!reader.Next(raw, out Label y))
            {
                RawExamplePool.Return(raw);
                return;
            }

            _learner.Learn(new LearnWork(raw, y, null, null), null);
            RawExamplePool.Return(raw);
        }
    }

    private LoggedBatch Encode()
    {
        var encoder = new BatchRecords.Encoder("bench");
        Span<Range> names = stackalloc Range[LearnLineReader.MaxFeatures];
        Span<double> values = stackalloc double[LearnLineReader.MaxFeatures];
        for (int i = 0; i < _lines.Length; i++)
        {
            ReadOnlySpan<byte> line = _lines[i].FirstSpan;
            if (!LearnLineReader.TryRead(line, names, values, out int count, out Label y) || !Learner.AcceptsLabel(_replica, y))
            {
                throw new InvalidOperationException("A benchmark line left the fast path.");
            }

            encoder.AddUtf8(line, names[..count], values[..count], y, i + 1);
        }

        return encoder.Take()!;
    }

    private LoggedBatch EncodeGeneral()
    {
        var encoder = new BatchRecords.Encoder("bench");
        for (int i = 0; i < _lines.Length; i++)
        {
            _raw.Clear();
            ExampleRequest request = ExampleParser.ParseBody(_lines[i], new RawSink(_raw), 64);
            if (Learner.Check(_replica, _raw, request.Y) is not null)
            {
                throw new InvalidOperationException("A benchmark line was refused.");
            }

            encoder.Add(_raw, request.Y, i + 1);
        }

        return encoder.Take()!;
    }
}
