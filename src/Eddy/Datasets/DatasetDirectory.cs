namespace Eddy.Datasets;

/// <summary>
/// Finds River's data files. Eddy does not ship them: they are read from the directory named by
/// <c>EDDY_DATASETS</c>, else from the first <c>shared/datasets</c> found beside the working directory or the
/// program, or any of their parents (the layout of Eddy's workspace).
/// </summary>
public static class DatasetDirectory
{
    public const string EnvironmentVariable = "EDDY_DATASETS";

    public static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"{EnvironmentVariable} names '{configured}', which is not a directory.");
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "datasets");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"River's datasets were not found: set {EnvironmentVariable} to the directory holding phishing.csv.gz and the others.");
    }

    /// <summary>Full path of a file in the datasets directory; throws a clear error when it is missing.</summary>
    public static string File(string relativePath)
    {
        string path = Path.Combine(Locate(), relativePath);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"Dataset file '{relativePath}' is missing.", path);
    }
}
