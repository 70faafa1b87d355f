using Eddy.Client;
using Eddy.Datasets;
using Spectre.Console;

namespace Eddy.Cli.Commands;

/// <summary>One <c>eddy replay</c>: sends the rows in the chosen mode, moves the progress bar, prints checkpoints.</summary>
internal sealed class ReplayRun
{
    private readonly EddyClient _client;
    private readonly ReplayCommand.Settings _settings;
    private readonly Dataset _data;
    private readonly int _count;
    private int _sent;
    private int _nextPrint;

    public ReplayRun(EddyClient client, ReplayCommand.Settings settings, Dataset data, int count)
    {
        _client = client;
        _settings = settings;
        _data = data;
        _count = count;
        _nextPrint = settings.PrintEvery > 0 ? settings.PrintEvery : int.MaxValue;
    }

    /// <summary>Examples the server refused (an error in their place in a batch or stream).</summary>
    public int Refused { get; private set; }

    public Task SendAsync(ProgressTask progress, CancellationToken cancellation) =>
        _settings.Stream ? StreamAsync(progress, cancellation)
        : _settings.Batch > 1 ? BatchesAsync(progress, cancellation)
        : OneByOneAsync(progress, cancellation);

    /// <summary>The seed's client: predict, then learn the label, per example.</summary>
    private async Task OneByOneAsync(ProgressTask progress, CancellationToken cancellation)
    {
        for (int row = 0; row < _count; row++)
        {
            Example x = ReplayCommand.Features(_data, row);
            await _client.PredictAsync(_settings.Model, x, cancellationToken: cancellation);
            await _client.LearnAsync(_settings.Model, x, ReplayCommand.Target(_data, row), cancellationToken: cancellation);
            await AdvanceAsync(progress, 1, cancellation);
            await PauseAsync(cancellation);
        }
    }

    private async Task BatchesAsync(ProgressTask progress, CancellationToken cancellation)
    {
        var items = new List<LearnItem>(_settings.Batch);
        for (int start = 0; start < _count; start += _settings.Batch)
        {
            items.Clear();
            int end = Math.Min(_count, start + _settings.Batch);
            for (int row = start; row < end; row++)
            {
                items.Add(LearnItem.Of(ReplayCommand.Features(_data, row), ReplayCommand.Target(_data, row)));
            }

            LearnManyResult result = await _client.LearnManyAsync(_settings.Model, items, cancellation);
            foreach (BatchLearn item in result.Results)
            {
                Report(item.Error);
            }

            await AdvanceAsync(progress, items.Count, cancellation);
            await PauseAsync(cancellation);
        }
    }

    private async Task StreamAsync(ProgressTask progress, CancellationToken cancellation)
    {
        await foreach (StreamAnswer answer in _client.StreamAsync(_settings.Model, Items(cancellation), cancellation))
        {
            Report(answer.Error);
            await AdvanceAsync(progress, 1, cancellation);
        }
    }

    private async IAsyncEnumerable<StreamItem> Items([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        for (int row = 0; row < _count; row++)
        {
            yield return LearnItem.Of(ReplayCommand.Features(_data, row), ReplayCommand.Target(_data, row));
            await PauseAsync(cancellation);
        }
    }

    private void Report(EddyProblem? error)
    {
        if (error is null)
        {
            return;
        }

        if (Refused++ < 5)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]refused:[/] {error.Field} {error.Detail} [grey]({error.Type})[/]");
        }
    }

    private async Task AdvanceAsync(ProgressTask progress, int examples, CancellationToken cancellation)
    {
        _sent += examples;
        progress.Value = _sent;
        if (_sent >= _nextPrint)
        {
            while (_nextPrint <= _sent)
            {
                _nextPrint += _settings.PrintEvery;
            }

            ModelMetrics metrics = await _client.GetMetricsAsync(_settings.Model, cancellation);
            AnsiConsole.WriteLine($"[{_sent.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}] {ReplayCommand.Format(metrics)}");
        }
    }

    private Task PauseAsync(CancellationToken cancellation) =>
        _settings.Delay > 0 ? Task.Delay(_settings.Delay, cancellation) : Task.CompletedTask;
}
