using System.Text.RegularExpressions;

namespace Eddy.Server.Tests.Deployment;

/// <summary>
/// The Dockerfile, <c>deploy/compose.yaml</c> and <c>deploy/k8s/</c>, read as text: no Docker engine or cluster runs
/// them here, so these checks hold what a user starting them relies on. No YAML parser is available; the checks read
/// the block structure by indentation, which the files keep simple for that reason.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string[] s_roles = ["all", "server", "trainer"];

    [Fact]
    public void Compose_RedisAppendsAndFsyncsEveryWrite()
    {
        Dictionary<string, string> services = ComposeServices();

        Assert.True(services.TryGetValue("redis", out string? redis), "compose.yaml has a service named redis");
        string command = Flatten(redis);
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains("--appendfsync always", command, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ThreeServersAndATrainerOnRedis()
    {
        Dictionary<string, string> services = ComposeServices();

        string[] servers = [.. services.Where(s => Roles(s.Value).Contains("server")).Select(s => s.Key)];
        string[] trainers = [.. services.Where(s => Roles(s.Value).Contains("trainer")).Select(s => s.Key)];
        Assert.Equal(3, servers.Length);
        Assert.NotEmpty(trainers);
        foreach (string name in servers.Concat(trainers))
        {
            Assert.Contains("--redis redis:6379", Flatten(services[name]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_LoadBalancerCoversEveryServer()
    {
        Dictionary<string, string> services = ComposeServices();
        string nginx = Read("deploy", "nginx.conf");

        foreach (string server in services.Where(s => Roles(s.Value).Contains("server")).Select(s => s.Key))
        {
            Assert.Matches($@"(?m)^\s*server\s+{Regex.Escape(server)}:8080\b", nginx);
            Assert.Contains("/readyz", services[server], StringComparison.Ordinal);
        }

        Assert.Contains(services.Values, service => Flatten(service).Contains("8080:8080", StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_AreOnesTheServerKnows()
    {
        string[] composeRoles = [.. ComposeServices().Values.SelectMany(Roles)];
        string[] kubernetesRoles = [.. KubernetesDocuments().SelectMany(d => EnvironmentRoles(d.Text))];

        Assert.NotEmpty(composeRoles);
        Assert.NotEmpty(kubernetesRoles);
        Assert.All(composeRoles.Concat(kubernetesRoles), role => Assert.Contains(role, s_roles));
    }

    [Fact]
    public void Kubernetes_AutoscalerTargetsTheServerDeployment()
    {
        Manifest[] documents = KubernetesDocuments();

        Manifest hpa = Assert.Single(documents, d => d.Kind == "HorizontalPodAutoscaler");
        Assert.Matches(@"(?m)^apiVersion:\s*autoscaling/v2\s*$", hpa.Text);
        string[] target = Under(hpa.Lines, "scaleTargetRef");
        Assert.Equal("Deployment", Field(target, "kind"));
        Manifest server = Assert.Single(documents, d => d.Kind == "Deployment" && EnvironmentRoles(d.Text).Contains("server"));
        Assert.Equal(server.Name, Field(target, "name"));
        Assert.Equal("3", Field(Under(hpa.Lines, "spec"), "minReplicas"));
        Assert.Equal("10", Field(Under(hpa.Lines, "spec"), "maxReplicas"));
    }

    [Fact]
    public void Kubernetes_ServersProbedAndRequestCpu_TrainersHaveAStandby()
    {
        Manifest[] documents = KubernetesDocuments();

        Manifest server = Assert.Single(documents, d => d.Kind == "Deployment" && EnvironmentRoles(d.Text).Contains("server"));
        Assert.Contains("path: /readyz", string.Join('\n', Under(server.Lines, "readinessProbe")), StringComparison.Ordinal);
        Assert.Contains("path: /healthz", string.Join('\n', Under(server.Lines, "livenessProbe")), StringComparison.Ordinal);
        // The autoscaler measures CPU utilization against the request.
        Assert.NotNull(Field(Under(server.Lines, "requests"), "cpu"));
        Assert.Contains(documents, d => d.Kind == "Service" && Regex.IsMatch(d.Text, $@"(?m)^\s+app\.kubernetes\.io/name:\s*{Regex.Escape(server.Name)}\s*$"));

        Manifest trainer = Assert.Single(documents, d => d.Kind == "Deployment" && EnvironmentRoles(d.Text).Contains("trainer"));
        Assert.Equal("2", Field(Under(trainer.Lines, "spec"), "replicas"));

        Manifest redis = Assert.Single(documents, d => d.Kind == "StatefulSet");
        Assert.Contains("--appendfsync always", Flatten(redis.Text), StringComparison.Ordinal);
        Assert.Contains("volumeClaimTemplates:", redis.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_RunsAsNonRootWithHealthCheckOn8080()
    {
        // Continuation lines joined, and only the final stage: that is the image that runs.
        string[] lines = Read("Dockerfile").ReplaceLineEndings("\n").Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        int runtime = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        string[] image = lines[runtime..];

        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", image[0], StringComparison.Ordinal);
        string user = Assert.Single(image, l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.DoesNotMatch(@"^(root|0)(:.*)?$", user);
        string healthCheck = Assert.Single(image, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains("/healthz", healthCheck, StringComparison.Ordinal);
        Assert.Contains(image, l => Expose8080().IsMatch(l));
        Assert.Contains(image, l => l.Contains("Eddy.Cli.dll", StringComparison.Ordinal));

        // Host build outputs in the context would overwrite the container's own.
        string[] ignored = [.. Read(".dockerignore").ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim())];
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
    }

    private sealed record Manifest(string Kind, string Name, string Text, string[] Lines);

    /// <summary>
    /// Each service of <c>deploy/compose.yaml</c> by name, with its block's text followed by the blocks of the anchors
    /// it refers to (<c>healthcheck: *server-health</c>), so a setting shared through an anchor counts.
    /// </summary>
    private static Dictionary<string, string> ComposeServices()
    {
        string[] lines = Lines(Read("deploy", "compose.yaml"));
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            Match anchor = AnchorDefinition().Match(lines[i]);
            if (anchor.Success)
            {
                anchors[anchor.Groups[1].Value] = string.Join('\n', Nested(lines, i));
            }
        }

        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var block = new List<string>();
        foreach (string line in Under(lines, "services"))
        {
            Match header = ServiceHeader().Match(line);
            if (header.Success)
            {
                Close();
                current = header.Groups[1].Value;
            }
            else
            {
                block.Add(line);
            }
        }

        Close();
        Assert.NotEmpty(services);
        return services;

        void Close()
        {
            if (current is not null)
            {
                string text = string.Join('\n', block);
                IEnumerable<string> referred = AnchorReference().Matches(text).Select(m => anchors[m.Groups[1].Value]);
                services.Add(current, string.Join('\n', [text, .. referred]));
            }

            block.Clear();
        }
    }

    private static Manifest[] KubernetesDocuments()
    {
        string directory = Path.Combine(RepositoryRoot(), "deploy", "k8s");
        var documents = new List<Manifest>();
        foreach (string file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (string text in DocumentSeparator().Split(File.ReadAllText(file).ReplaceLineEndings("\n")))
            {
                string[] lines = Lines(text);
                Match kind = Kind().Match(text);
                if (kind.Success && kind.Groups[1].Value != "Kustomization")
                {
                    string name = Field(Under(lines, "metadata"), "name") ?? throw new InvalidOperationException($"A {kind.Groups[1].Value} in {file} has no name.");
                    documents.Add(new Manifest(kind.Groups[1].Value, name, text, lines));
                }
            }
        }

        Assert.NotEmpty(documents);
        return [.. documents];
    }

    /// <summary>The <c>--role</c> values in a command, in list or word form.</summary>
    private static IEnumerable<string> Roles(string block) =>
        RoleFlag().Matches(Flatten(block)).Select(m => m.Groups[1].Value);

    /// <summary>The <c>Eddy__Role</c> values set in a manifest's environment.</summary>
    private static IEnumerable<string> EnvironmentRoles(string text) =>
        RoleVariable().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The lines nested under the first line reading <c>key:</c>, at any depth.</summary>
    private static string[] Under(string[] lines, string key)
    {
        int start = Array.FindIndex(lines, l => l.Trim() == key + ":");
        Assert.True(start >= 0, $"a '{key}:' block");
        return Nested(lines, start);
    }

    private static string[] Nested(string[] lines, int start)
    {
        int indent = Indent(lines[start]);
        return [.. lines.Skip(start + 1).TakeWhile(l => l.Trim().Length == 0 || Indent(l) > indent)];
    }

    /// <summary>A scalar directly in a block (not nested deeper), unquoted.</summary>
    private static string? Field(string[] block, string key)
    {
        string[] content = [.. block.Where(l => l.Trim().Length > 0)];
        if (content.Length == 0)
        {
            return null;
        }

        int indent = content.Min(Indent);
        string? line = content.FirstOrDefault(l => Indent(l) == indent && l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('"', '\'');
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ', '-').Length;

    /// <summary>Lines without comments, so a commented-out setting does not count.</summary>
    private static string[] Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.TrimStart().StartsWith('#'))];

    /// <summary>Words only: <c>["serve", "--role", "server"]</c> and <c>serve --role server</c> read the same.</summary>
    private static string Flatten(string text) =>
        Whitespace().Replace(Punctuation().Replace(string.Join('\n', Lines(text)), " "), " ");

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([RepositoryRoot(), .. path]));

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Eddy.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Eddy.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^ {2}([A-Za-z0-9_.-]+):\s*$")]
    private static partial Regex ServiceHeader();

    [GeneratedRegex(@"(?m)^---\s*$")]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"(?m)^kind:\s*(\S+)\s*$")]
    private static partial Regex Kind();

    [GeneratedRegex(@"--role[= ]([A-Za-z0-9_-]+)")]
    private static partial Regex RoleFlag();

    [GeneratedRegex(@"name:\s*Eddy__Role\s*\n\s*value:\s*[""']?([A-Za-z0-9_-]+)")]
    private static partial Regex RoleVariable();

    [GeneratedRegex(@"&([A-Za-z0-9_-]+)\s*$")]
    private static partial Regex AnchorDefinition();

    [GeneratedRegex(@"(?m):\s+\*([A-Za-z0-9_-]+)\s*$")]
    private static partial Regex AnchorReference();

    [GeneratedRegex(@"^EXPOSE\s+(.*\s)?8080(/tcp)?(\s|$)")]
    private static partial Regex Expose8080();

    [GeneratedRegex(@"[\[\]""',]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
