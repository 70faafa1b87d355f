using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Eddy.Datasets;
using Eddy.Server.Tests.Support;
using Microsoft.Playwright;

namespace Eddy.Server.Tests.Dashboard;

/// <summary>The dashboard in a real headless Chromium (Debian's; <c>.ci/run</c> installs it) against a real server.</summary>
public sealed class DashboardTests
{
    private const int ShiftAt = 1000;

    private static readonly Dataset s_phishing = RiverDatasets.Phishing();

    private static string Chromium => Environment.GetEnvironmentVariable("EDDY_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_WhileLearnsStream_ShowsTheModelAndItsCurveGrows()
    {
        Assert.True(File.Exists(Chromium), $"Chromium is needed at {Chromium} (apt-get install chromium; .ci/run does it).");
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        await LearnAsync(eddy, 0, 20);
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(eddy.Address.ToString());

        await Assertions.Expect(page.Locator("#model-name")).ToHaveTextAsync("default");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await page.WaitForFunctionAsync("() => window.eddyDashboard.lastSequence() >= 20");
        int before = await page.EvaluateAsync<int>("() => window.eddyDashboard.points()");
        Assert.Equal(3, await page.Locator("#charts .uplot").CountAsync());
        await Assertions.Expect(page.Locator("#feature-none")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#feature-drift")).ToBeHiddenAsync();

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

        await ScreenshotAsync(page, "dashboard.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dashboard_FeaturesMonitor_ListsEveryFeature_AndMarksTheOneThatShifts()
    {
        // The first alarm acts (the policy restarts every reference window, clearing the last PSI); the long cooldown
        // then leaves the second shift's PSI breach standing, so the table can show it.
        Assert.True(File.Exists(Chromium), $"Chromium is needed at {Chromium} (apt-get install chromium; .ci/run does it).");
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using (HttpResponseMessage created = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            """
            {"name": "watched", "model": "StandardScaler | LinearRegression", "metrics": ["MAE"],
             "monitors": {"features": {"detector": "ADWIN", "psi": {"reference": 200, "recent": 200, "bins": 10, "threshold": 0.2}}},
             "policy": {"action": "alert", "cooldown": 100000}}
            """)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await LearnShiftingAsync(eddy, 1, ShiftAt);
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(eddy.Address, "/#watched").ToString());

        await Assertions.Expect(page.Locator("#model-name")).ToHaveTextAsync("watched");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live");
        ILocator table = page.Locator("#feature-drift");
        ILocator age = table.Locator("tbody tr[data-feature='age']");
        ILocator amount = table.Locator("tbody tr[data-feature='amount']");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#feature-none")).ToBeHiddenAsync();
        await Assertions.Expect(age.Locator("td").Nth(1)).ToHaveTextAsync(Thousand(ShiftAt));
        await Assertions.Expect(table.Locator("tr.drifting")).ToHaveCountAsync(0);
        await Assertions.Expect(table.Locator("td.breach")).ToHaveCountAsync(0);

        await LearnShiftingAsync(eddy, ShiftAt + 1, 2 * ShiftAt);

        await Assertions.Expect(amount).ToHaveClassAsync("drifting");
        await Assertions.Expect(amount.Locator("td").Nth(2)).ToHaveClassAsync("alarm");
        await Assertions.Expect(page.Locator("#events tbody")).ToContainTextAsync("\"source\":\"amount\"");

        await LearnShiftingAsync(eddy, (2 * ShiftAt) + 1, 3 * ShiftAt);

        await Assertions.Expect(amount.Locator("td").Nth(3)).ToHaveClassAsync("breach");
        await Assertions.Expect(age.Locator("td").Nth(1)).ToHaveTextAsync(Thousand(3 * ShiftAt));
        await Assertions.Expect(age).Not.ToHaveClassAsync("drifting");
        await Assertions.Expect(age.Locator("td").Nth(2)).ToHaveTextAsync("0");
        await Assertions.Expect(age.Locator("td").Nth(3)).Not.ToHaveClassAsync("breach");
        await Assertions.Expect(age.Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^0\.\d{4}$"));
        double psi = double.Parse(await amount.Locator("td").Nth(3).TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        Assert.True(psi > 0.2, $"the breaching PSI is shown ({psi})");
        double recentMean = double.Parse(await amount.Locator("td").Nth(5).TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(recentMean, 140, 160);

        await ScreenshotAsync(page, "dashboard-features.png");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Dashboard_Challengers_ShowsChampionAndChallenger_AndThePromotion()
    {
        // A champion that barely learns and a challenger that learns fast: the rule promotes the challenger early.
        Assert.True(File.Exists(Chromium), $"Chromium is needed at {Chromium} (apt-get install chromium; .ci/run does it).");
        await using EddyApplication eddy = await EddyApplication.StartAsync();
        using (HttpResponseMessage created = await eddy.Client.PostAsync("/v1/models", Examples.Json(
            """
            {"name": "contest", "model": "StandardScaler | LogisticRegression(optimizer=SGD(0.00001))", "metrics": ["Accuracy"],
             "challengers": [{"name": "fast", "model": "StandardScaler | LogisticRegression(optimizer=SGD(0.5))"}],
             "promotion": {"window": 100, "margin": 0.05, "min_examples": 100}, "holdout": {"size": 200, "recent": 0.5, "seed": 1}}
            """)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await FlippedPhishing.LearnRangeAsync(eddy, "contest", 1, 50);
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await LaunchAsync(playwright);
        IPage page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(eddy.Address, "/#contest").ToString());

        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live");
        ILocator table = page.Locator("#challengers");
        await Assertions.Expect(page.Locator("#challenger-panel")).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table.Locator("tr.champion td").First).ToHaveTextAsync("main");

        await FlippedPhishing.LearnRangeAsync(eddy, "contest", 51, 500);

        await Assertions.Expect(table.Locator("tr.champion td").First).ToHaveTextAsync("fast");
        await Assertions.Expect(table.Locator("tr[data-contender='main'] td").Nth(1)).ToHaveTextAsync("challenger");
        await Assertions.Expect(table.Locator("tr[data-contender='fast'] td").Nth(2)).ToHaveTextAsync("500");
        await Assertions.Expect(page.Locator("#events tbody")).ToContainTextAsync("promotion");
        await Assertions.Expect(page.Locator("#challenger-rule")).ToContainTextAsync("holdout");
        double holdout = double.Parse(await table.Locator("tr[data-contender='fast'] td").Nth(5).TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(holdout, 0.5, 1.0);
        Assert.Equal("fast", await page.EvaluateAsync<string>("() => window.eddyDashboard.champion()"));

        await ScreenshotAsync(page, "dashboard-challengers.png");
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

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        string screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", name);
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot has content");
    }

    /// <summary>A count as the page shows it, whatever the browser's locale groups thousands with.</summary>
    private static Regex Thousand(int count) => new($"^{count / 1000}\\D?{count % 1000:000}$");

    private static async Task LearnAsync(EddyApplication eddy, int from, int to)
    {
        for (int row = from; row < to; row++)
        {
            using HttpResponseMessage learned = await eddy.Client.PostAsync("/v1/models/default/learn", Examples.Learn(s_phishing, row));
            Assert.Equal(HttpStatusCode.OK, learned.StatusCode);
        }
    }

    /// <summary>"age" is uniform on [20, 60) throughout; "amount" is uniform on [0, 100), then [50, 150), then [100, 200).</summary>
    private static async Task LearnShiftingAsync(EddyApplication eddy, int from, int to)
    {
        for (int start = from; start <= to; start += 250)
        {
            var body = new StringBuilder("[");
            for (int sequence = start; sequence <= Math.Min(to, start + 249); sequence++)
            {
                double age = 20 + (40 * ((sequence * 0.6180339887498949) % 1.0));
                double amount = (100 * ((sequence * 0.41421356237309515) % 1.0)) + (50 * Math.Min(2, (sequence - 1) / ShiftAt));
                double y = (0.5 * age) + (0.1 * amount);
                body.Append(sequence == start ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"x\":{{\"age\":{age:R},\"amount\":{amount:R}}},\"y\":{y:R}}}");
            }

            using HttpResponseMessage response = await eddy.Client.PostAsync("/v1/models/watched/learn_many", Examples.Json(body.Append(']').ToString()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
