using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Eddy.Server.Tests.Hosting;

/// <summary>
/// appsettings.json still reloads on change, now by polling its timestamp: the default watcher watched the whole
/// content root, where the data directory usually is, and woke on every log write.
/// </summary>
public sealed class SettingsFilesTests
{
    [Fact]
    public async Task SettingsFile_Changed_StillReloads()
    {
        string root = Path.Combine(Path.GetTempPath(), "eddy-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(root);
        try
        {
            string settings = Path.Combine(root, "appsettings.json");
            await File.WriteAllTextAsync(settings, """{"Probe": "one"}""", TestContext.Current.CancellationToken);
            await using WebApplication app = EddyServer.Create(["--contentRoot", root], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Eddy:DataDirectory"] = Path.Combine(root, "eddy-data") });
                builder.Logging.ClearProviders();
            });
            Assert.Equal("one", app.Configuration["Probe"]);

            await File.WriteAllTextAsync(settings, """{"Probe": "two"}""", TestContext.Current.CancellationToken);
            File.SetLastWriteTimeUtc(settings, DateTime.UtcNow.AddSeconds(2));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (app.Configuration["Probe"] != "two" && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.Equal("two", app.Configuration["Probe"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
