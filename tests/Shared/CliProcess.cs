using System.Diagnostics;

namespace Eddy.TestSupport;

/// <summary>
/// Runs the built <c>eddy</c> CLI as a real child process and collects its exit code and output. One source file,
/// linked into every test project that starts the CLI.
/// </summary>
internal static class CliProcess
{
    /// <summary>Runs the CLI copied into the test's own output folder.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        RunFromAsync(Path.Combine(AppContext.BaseDirectory, "Eddy.Cli.dll"), arguments);

    /// <summary>Runs the CLI at <paramref name="cliDll"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunFromAsync(string cliDll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cliDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A wide, colourless console so assertions see whole lines.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "400";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
