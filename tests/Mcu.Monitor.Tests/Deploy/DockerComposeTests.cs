using System.Text.RegularExpressions;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Deploy;

/// <summary>
/// deploy/docker-compose.yml, .env.example and the Dockerfile, checked by reading (no Docker engine runs on the build
/// machines, ELASTIC.md §1): the services of ELASTIC.md §5, security on, start order by health and completion,
/// and no secret written into a committed file. YAML is read by indentation, enough for this file's layout.
/// </summary>
public partial class DockerComposeTests
{
    private static readonly string Deploy = Path.Combine(TestConfiguration.RepositoryRoot(), "deploy");
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(Deploy, "docker-compose.yml"));
    private static readonly IReadOnlyDictionary<string, string> Services = ReadServices();

    [Fact]
    public void Services_AreElasticsearchKibanaSecuritySetupSetupAndWorker() =>
        Assert.Equal(["elasticsearch", "kibana", "security_setup", "setup", "worker"], Services.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Elasticsearch_IsASecuredSingleNode9WithAHealthcheck()
    {
        var es = Services["elasticsearch"];

        Assert.Contains("image: docker.elastic.co/elasticsearch/elasticsearch:${STACK_VERSION}", es, StringComparison.Ordinal);
        Assert.Contains("- xpack.security.enabled=true", es, StringComparison.Ordinal);
        Assert.Contains("- discovery.type=single-node", es, StringComparison.Ordinal);
        Assert.Contains("- ELASTIC_PASSWORD=${ELASTIC_PASSWORD}", es, StringComparison.Ordinal);
        Assert.Contains("healthcheck:", es, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^STACK_VERSION=9\.\d+\.\d+$", EnvExample());
    }

    [Fact]
    public void SecuritySetup_IsAOneShotSettingTheKibanaSystemPasswordThroughTheEsApi()
    {
        var setup = Services["security_setup"];

        Assert.Contains("restart: \"no\"", setup, StringComparison.Ordinal);
        Assert.Contains("/_security/user/kibana_system/_password", setup, StringComparison.Ordinal);
        Assert.Contains("$${KIBANA_PASSWORD}", setup, StringComparison.Ordinal);
        AssertDependsOn(setup, "elasticsearch", "service_healthy");
    }

    [Fact]
    public void Kibana_ConnectsAsKibanaSystemAfterThePasswordIsSet()
    {
        var kibana = Services["kibana"];

        Assert.Contains("image: docker.elastic.co/kibana/kibana:${STACK_VERSION}", kibana, StringComparison.Ordinal);
        Assert.Contains("- ELASTICSEARCH_USERNAME=kibana_system", kibana, StringComparison.Ordinal);
        Assert.Contains("- ELASTICSEARCH_PASSWORD=${KIBANA_PASSWORD}", kibana, StringComparison.Ordinal);
        Assert.Contains("healthcheck:", kibana, StringComparison.Ordinal);
        AssertDependsOn(kibana, "security_setup", "service_completed_successfully");
    }

    [Fact]
    public void Setup_RunsEsSetupAndKibanaImportInTheWorkerImageOnceKibanaIsHealthy()
    {
        var setup = Services["setup"];

        Assert.Contains("dockerfile: deploy/Dockerfile", setup, StringComparison.Ordinal);
        Assert.Contains("dotnet Mcu.Monitor.dll es setup && dotnet Mcu.Monitor.dll kibana import", setup, StringComparison.Ordinal);
        Assert.Contains("restart: \"no\"", setup, StringComparison.Ordinal);
        Assert.Contains("Kibana__Password: ${ELASTIC_PASSWORD}", setup, StringComparison.Ordinal);
        AssertDependsOn(setup, "elasticsearch", "service_healthy");
        AssertDependsOn(setup, "kibana", "service_healthy");
    }

    [Fact]
    public void Worker_StartsAfterSetupWithElasticsearchAndKibanaSettingsAndAPersistentDataVolume()
    {
        var worker = Services["worker"];
        var environment = string.Join('\n', Lines.SkipWhile(l => !l.StartsWith("x-mcu-environment:", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)));

        AssertDependsOn(worker, "setup", "service_completed_successfully");
        Assert.Contains("<<: *mcu-environment", worker, StringComparison.Ordinal);
        Assert.Contains("- mcu-data:/data", worker, StringComparison.Ordinal);
        Assert.Contains("Elasticsearch__Url: http://elasticsearch:9200", environment, StringComparison.Ordinal);
        Assert.Contains("Elasticsearch__Password: ${MCU_ES_PASSWORD}", environment, StringComparison.Ordinal);
        Assert.Contains("Kibana__Url: http://kibana:5601", environment, StringComparison.Ordinal);
        Assert.Contains("Storage__DatabasePath: /data/mcu-monitor.db", environment, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_AreNeverInline_OnlyVariablesFromDotEnv()
    {
        var offending = Lines.Select((line, i) => (Line: line, Number: i + 1))
            .Where(l => !l.Line.TrimStart().StartsWith('#'))
            .Where(l => SecretAssignment().Match(l.Line) is { Success: true } m && !m.Groups["value"].Value.Contains("${", StringComparison.Ordinal))
            .Select(l => $"docker-compose.yml:{l.Number}: {l.Line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "secrets written inline:\n" + string.Join('\n', offending));
        Assert.DoesNotContain(Lines.Where(l => !l.TrimStart().StartsWith('#')),
            l => l.Contains("changeme", StringComparison.OrdinalIgnoreCase) || l.Contains("change-me", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EnvExample_DefinesEveryVariableWithoutADefaultAndHoldsOnlyPlaceholderSecrets()
    {
        var env = EnvExample().Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        var required = Variable().Matches(string.Join('\n', Lines.Where(l => !l.TrimStart().StartsWith('#'))))
            .Where(m => !m.Value.StartsWith("$$", StringComparison.Ordinal) && !m.Groups["default"].Success)
            .Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        var missing = required.Where(name => !env.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, ".env.example does not define " + string.Join(", ", missing));
        foreach (var (name, value) in env.Where(e => Regex.IsMatch(e.Key, "PASSWORD|KEY|TOKEN|SECRET")))
        {
            Assert.True(value.StartsWith("change-me", StringComparison.Ordinal), $".env.example {name} must be a change-me placeholder");
        }

        Assert.True(env["KIBANA_ENCRYPTION_KEY"].Length >= 32, "Kibana needs an encryption key of 32 characters or more");
        Assert.Contains(File.ReadAllLines(Path.Combine(TestConfiguration.RepositoryRoot(), ".gitignore")), l => l.Trim() == ".env");
    }

    [Fact]
    public void Dockerfile_BuildsWithTheSdkRunsOnTheRuntimeAsNonRootWithADataVolume()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));

        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile, StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile, StringComparison.Ordinal); // the web console needs ASP.NET Core
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("VOLUME /data", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY deploy/kibana/ deploy/kibana/", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY models/ models/", dockerfile, StringComparison.Ordinal); // the ML.NET models the worker needs at start-up
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Mcu.Monitor.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains("CMD [\"run\"]", dockerfile, StringComparison.Ordinal);
        // The runtime stage must switch user after the last root step (the chown of /data).
        var final = dockerfile[dockerfile.IndexOf("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)..];
        Assert.True(final.IndexOf("USER $APP_UID", StringComparison.Ordinal) > final.LastIndexOf("RUN ", StringComparison.Ordinal));
    }

    private static void AssertDependsOn(string service, string dependency, string condition) =>
        Assert.Matches($@"(?m)^    depends_on:\n(?:      .*\n)*?      {Regex.Escape(dependency)}:\n        condition: {condition}$", service);

    private static string EnvExample() => File.ReadAllText(Path.Combine(Deploy, ".env.example")).ReplaceLineEndings("\n");

    /// <summary>Each service's block under <c>services:</c>, keyed by name (two-space indented keys).</summary>
    private static Dictionary<string, string> ReadServices()
    {
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        var inServices = false;
        string? current = null;
        var block = new List<string>();
        foreach (var line in Lines.Append("end-of-file:"))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                inServices = line.StartsWith("services:", StringComparison.Ordinal);
            }

            var name = Regex.Match(line, @"^  ([A-Za-z0-9_-]+):\s*$");
            if (current is not null && (name.Success || (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))))
            {
                services[current] = string.Join('\n', block);
                current = null;
            }

            if (inServices && name.Success)
            {
                current = name.Groups[1].Value;
                block.Clear();
            }

            block.Add(line);
        }

        return services;
    }

    [GeneratedRegex(@"(?i)(?<key>[A-Za-z_.]*(password|apikey|api_key|token|secret|encryptionkey)[A-Za-z_.]*)\s*[:=]\s*(?<value>\S.*)$")]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"\$?\$\{(?<name>[A-Z_][A-Z0-9_]*)(?<default>:?-[^}]*)?\}")]
    private static partial Regex Variable();
}
