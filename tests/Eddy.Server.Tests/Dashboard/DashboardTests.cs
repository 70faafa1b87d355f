using System.Net;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;
using Microsoft.Playwright;

namespace Eddy.Server.Tests.Dashboard;

/// <summary>The dashboard in a real headless Chromium (Debian's; <c>.ci/run</c> installs it) against a real server.</summary>
public sealed class DashboardTests
{
    private static readonly Dataset s_phishing = RiverDatasets.Phishing();

    private static string Chromium => Environment.GetEnvironmentVariable("EDDY_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_WhileLearnsStream_ShowsTheModelAndItsCurveGrows()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is needed at {Chromium} (apt-get install chromium; .ci/run does it).");
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await LearnAsync(eddy, 0, 20);
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(eddy.Address.ToString());

        await Assertions.Expect(page.Locator("#model-name")).ToHaveTextAsync("default");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await page.WaitForFunctionAsync("() => window.eddyDashboard.lastSequence() >= 20");
        int before = await page.EvaluateAsync<int>("() => window.eddyDashboard.points()");
        Assert.Equal(3, await page.Locator("#charts .uplot").CountAsync());

        await LearnAsync(eddy, 20, 150);
        using (HttpResponseMessage snapshot = await eddy.Client.GetAsync("/v1/models/default/snapshot"))
        {
            Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        }

        await page.WaitForFunctionAsync("() => window.eddyDashboard.lastSequence() >= 150 && window.eddyDashboard.events() >= 1");
        int after = await page.EvaluateAsync<int>("() => window.eddyDashboard.points()");
        Assert.True(after > before, $"the curve grew while learning ({before} → {after} points)");
        await Assertions.Expect(page.Locator("#fact-sequence")).ToHaveTextAsync("150");
        await Assertions.Expect(page.Locator("#events tbody")).ToContainTextAsync("snapshot");
        await Assertions.Expect(page.Locator("#metrics tbody")).ToContainTextAsync("Accuracy");

        string screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot has content");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/uPlot.iife.min.js", "text/javascript")]
    [InlineData("/dashboard/uPlot.min.css", "text/css")]
    public async Task Assets_ServedFromTheServerItself(string path, string mediaType)
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Assets_UnknownFile_404()
    {
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using HttpResponseMessage response = await eddy.Client.GetAsync("/dashboard/secrets.json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task LearnAsync(EddyApplication eddy, int from, int to)
    {
        for (int row = from; row < to; row++)
        {
            using HttpResponseMessage learned = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Learn(s_phishing, row));
            Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        }
    }
}
