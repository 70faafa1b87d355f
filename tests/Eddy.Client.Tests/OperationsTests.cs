using Eddy.Client.Tests.Support;

namespace Eddy.Client.Tests;

/// <summary>Snapshots, backups and health through the client, against a real server.</summary>
public sealed class OperationsTests
{
    private static readonly CancellationToken s_cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Snapshot_DownloadThenUploadUnderAnotherName_SameState()
    {
        await using LiveServer server = await LiveServer.StartAsync(apiKey: true);
        EddyClient client = server.Client(new EddyClientOptions { ApiKey = LiveServer.ApiKey });
        await client.LearnAsync("default", new Example { { "a", 1.0 } }, true, cancellationToken: s_cancel);
        await client.LearnAsync("default", new Example { { "a", -1.0 } }, false, cancellationToken: s_cancel);

        using var snapshot = new MemoryStream();
        long length = await client.DownloadSnapshotAsync("default", snapshot, s_cancel);
        Assert.Equal(snapshot.Length, length);
        Assert.True(length > 0);

        snapshot.Position = 0;
        ModelDescription copy = await client.UploadSnapshotAsync("copy", snapshot, s_cancel);
        ModelDescription original = await client.GetModelAsync("default", s_cancel);
        Assert.Equal("copy", copy.Name);
        Assert.Equal(2, copy.Sequence);
        Assert.Equal(original.StateChecksum, copy.StateChecksum);
    }

    [Fact]
    public async Task Snapshot_UploadDroppedResponse_RetriedFromTheStreamStart()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        var handler = new FaultHandler();
        EddyClient client = server.Client(handler: handler);
        await client.LearnAsync("default", new Example { { "a", 1.0 } }, true, cancellationToken: s_cancel);
        using var snapshot = new MemoryStream();
        await client.DownloadSnapshotAsync("default", snapshot, s_cancel);

        snapshot.Position = 0;
        handler.DropResponse();
        ModelDescription copy = await client.UploadSnapshotAsync("copy", snapshot, s_cancel);

        Assert.Equal(1, copy.Sequence);
        Assert.True(snapshot.CanRead);
    }

    [Fact]
    public async Task Snapshot_UploadGarbage_400InvalidSnapshot()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(
            () => client.UploadSnapshotAsync("copy", new MemoryStream([1, 2, 3, 4]), s_cancel));

        Assert.Equal("invalid-snapshot", e.Problem.Slug);
    }

    [Fact]
    public async Task BackupAndRestore_WithApiKey_ModelsComeBack()
    {
        await using LiveServer server = await LiveServer.StartAsync(apiKey: true);
        EddyClient client = server.Client(new EddyClientOptions { ApiKey = LiveServer.ApiKey });
        await client.CreateModelAsync("other", "LinearRegression", ["MAE"], s_cancel);
        await client.LearnAsync("default", new Example { { "a", 1.0 } }, true, cancellationToken: s_cancel);
        string checksum = (await client.GetModelAsync("default", s_cancel)).StateChecksum;

        using var archive = new MemoryStream();
        await client.BackupAsync(archive, s_cancel);
        await client.DeleteModelAsync("other", s_cancel);
        await client.LearnAsync("default", new Example { { "a", 2.0 } }, false, cancellationToken: s_cancel);

        archive.Position = 0;
        List<ModelSummary> restored = await client.RestoreAsync(archive, s_cancel);

        Assert.Equal(["default", "other"], restored.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(checksum, (await client.GetModelAsync("default", s_cancel)).StateChecksum);
        Assert.Equal("regressor", (await client.GetModelAsync("other", s_cancel)).Kind);

        EddyClient anonymous = server.Client();
        EddyProblemException e = await Assert.ThrowsAsync<EddyProblemException>(() => anonymous.BackupAsync(Stream.Null, s_cancel));
        Assert.Equal("unauthorized", e.Problem.Slug);
    }

    [Fact]
    public async Task HealthAndReadiness_RunningServer_OkAndReady()
    {
        await using LiveServer server = await LiveServer.StartAsync();
        EddyClient client = server.Client();

        HealthReport health = await client.GetHealthAsync(s_cancel);
        HealthReport ready = await client.GetReadinessAsync(s_cancel);

        Assert.Equal("ok", health.Status);
        Assert.True(health.IsReady);
        Assert.Equal("ready", ready.Status);
        Assert.Equal(1, ready.Models);
    }
}
