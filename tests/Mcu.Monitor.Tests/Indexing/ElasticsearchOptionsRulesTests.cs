using Mcu.Monitor.Configuration;
using Mcu.Monitor.Indexing;

namespace Mcu.Monitor.Tests.Indexing;

public class ElasticsearchOptionsRulesTests
{
    private static IReadOnlyList<string> Failures(ElasticsearchOptions o)
    {
        var result = new AnnotatedOptionsValidator<ElasticsearchOptions>(ElasticsearchOptions.SectionName, ElasticsearchOptionsRules.Validate).Validate(null, o);
        return result.Failed ? [.. result.Failures] : [];
    }

    [Fact]
    public void Validate_Disabled_NeedsNothing() => Assert.Empty(Failures(new ElasticsearchOptions()));

    [Fact]
    public void Validate_EnabledWithoutUrlOrCredentials_ReportsBothWithFullKeys()
    {
        var failures = Failures(new ElasticsearchOptions { Enabled = true });

        Assert.Contains("Elasticsearch:Url = '': is required when Elasticsearch:Enabled is true", failures);
        Assert.Contains(failures, f => f.StartsWith("Elasticsearch:ApiKey = '': credentials are required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UrlWithAPassword_IsRefusedWithoutShowingIt()
    {
        var failures = Failures(new ElasticsearchOptions { Enabled = true, Url = "https://elastic:s3cr3t-pw@es.local:9200", ApiKey = "k" });

        var failure = Assert.Single(failures);
        Assert.Equal("Elasticsearch:Url = 'https://***@es.local:9200': must not carry credentials; use Elasticsearch:ApiKey or Username/Password", failure);
    }

    [Fact]
    public void Validate_NotHttp_BothCredentialKinds_OverlappingIndex_AreReportedWithoutSecrets()
    {
        var failures = Failures(new ElasticsearchOptions
        {
            Enabled = true,
            Url = "ftp://es.local",
            ApiKey = "top-secret-key",
            Username = "mcu",
            Password = "top-secret-password",
            IncidentsIndex = "mcu-posts-incidents",
            BatchSize = 0,
        });

        Assert.Equal(4, failures.Count);
        Assert.Contains("Elasticsearch:BatchSize = '0': must be between 1 and 10000", failures);
        Assert.Contains("Elasticsearch:Url = 'ftp://es.local': must be an absolute http or https URL", failures);
        Assert.Contains(failures, f => f.StartsWith("Elasticsearch:IncidentsIndex = 'mcu-posts-incidents'", StringComparison.Ordinal));
        Assert.Contains("Elasticsearch:ApiKey = '***': give either an API key or Username/Password, not both", failures);
        Assert.DoesNotContain(failures, f => f.Contains("top-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UserWithoutPassword_AsksForThePassword() =>
        Assert.Equal(
            ["Elasticsearch:Password = '': is required with Elasticsearch:Username"],
            Failures(new ElasticsearchOptions { Enabled = true, Url = "http://localhost:9200", Username = "mcu" }));
}
