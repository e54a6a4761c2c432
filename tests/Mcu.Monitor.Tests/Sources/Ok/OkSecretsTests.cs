using System.Security.Cryptography;
using System.Text;
using Mcu.Monitor.Sources.Ok;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>The secret key, the session secret and the token never reach logs, exceptions, alerts or validation messages.</summary>
public class OkSecretsTests
{
    private const string SessionSecret = "SESSIONsecret0123456789";

#pragma warning disable CA5351 // the signing secret OK derives with MD5, recomputed to look for it
    private static readonly string DerivedSecret =
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(FakeOkServer.AccessToken + FakeOkServer.SecretKey)));
#pragma warning restore CA5351

    private static readonly string[] Secrets = [FakeOkServer.SecretKey, FakeOkServer.AccessToken, SessionSecret, DerivedSecret];

    [Fact]
    public async Task FailuresOfEveryKind_NoSecretInLogsExceptionsOrAlerts()
    {
        var texts = new List<string>();
        var answers = new Queue<LoopbackResponse>(
        [
            // an error message that (unexpectedly) echoes the token must still be masked
            FakeOkServer.Error(1, "UNKNOWN : access_token=" + FakeOkServer.AccessToken + " secret " + FakeOkServer.SecretKey),
            FakeOkServer.Error(8, "FLOOD_BLOCKED"),
            FakeOkServer.Error(8, "FLOOD_BLOCKED"),
            new LoopbackResponse(500, "text/plain", "internal " + FakeOkServer.AccessToken),
            LoopbackResponse.Json("""{"media_topics":[{"id":"1","created_ms":"not a number"}]}"""),
            FakeOkServer.Error(104, "PARAM_SIGNATURE : Invalid signature " + DerivedSecret),
        ]);
        await using var server = new LoopbackHttpServer(_ => answers.Count > 0 ? answers.Dequeue() : LoopbackResponse.Json("{}"));
        using var context = new OkTestContext(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Sources:Ok:MaxRetries"] = "0",
            ["Sources:Ok:RetryDelay"] = "00:00:00",
        });

        for (var i = 0; i < 6; i++)
        {
            try
            {
                await OkTestContext.ReadAllAsync(context.Source());
            }
            catch (OkApiException ex)
            {
                texts.Add(ex.ToString());
            }
        }

        Uri closed;
        await using (var gone = new LoopbackHttpServer(_ => LoopbackResponse.Json("{}")))
        {
            closed = gone.BaseAddress;
        }

        using var offline = new OkTestContext(closed, new Dictionary<string, string?> { ["Sources:Ok:MaxRetries"] = "0" });
        texts.Add((await Assert.ThrowsAsync<OkApiException>(() => OkTestContext.ReadAllAsync(offline.Source()))).ToString());

        Assert.Equal(6, server.Requests.Count);
        Assert.True(texts.Count >= 5, string.Join("\n", texts));
        texts.AddRange(context.Logger.Lines.Select(l => l.Message + l.Exception));
        texts.AddRange(offline.Logger.Lines.Select(l => l.Message + l.Exception));
        texts.AddRange(context.Alerts.Raised.Select(a => a.Key + a.Message));
        Assert.Contains(texts, t => t.Contains("error 104", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("***", StringComparison.Ordinal)); // the echoed token was masked
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_GroupsWithoutKeys_FailsNamingEachKey()
    {
        var errors = Validate(new Dictionary<string, string?> { ["Sources:Ok:Groups:0:Id"] = "123" });

        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:ApplicationKey = '':", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:AccessToken = '':", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:SecretKey = '':", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoGroups_NeedsNoKeys()
    {
        Assert.Empty(Validate(new Dictionary<string, string?>()));
    }

    [Fact]
    public void Validate_SessionSecretInsteadOfSecretKey_Accepted()
    {
        Assert.Empty(Validate(new Dictionary<string, string?>
        {
            ["Sources:Ok:Groups:0:Id"] = "123",
            ["Sources:Ok:ApplicationKey"] = "K",
            ["Sources:Ok:AccessToken"] = FakeOkServer.AccessToken,
            ["Sources:Ok:SessionSecretKey"] = SessionSecret,
        }));
    }

    [Fact]
    public void Validate_BadValuesAlongsideSecrets_ReportedWithoutEchoingSecrets()
    {
        var errors = Validate(new Dictionary<string, string?>
        {
            ["Sources:Ok:Groups:0:Id"] = "club123",
            ["Sources:Ok:Groups:1:Id"] = "5",
            ["Sources:Ok:Groups:2:Id"] = "5",
            ["Sources:Ok:PollInterval"] = "00:00:01",
            ["Sources:Ok:SecretKey"] = FakeOkServer.SecretKey,
            ["Sources:Ok:SessionSecretKey"] = SessionSecret,
            ["Sources:Ok:ApiBaseUrl"] = "not a url",
        });

        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:Groups:0:Id = 'club123':", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:Groups = '5':", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:PollInterval = '00:00:01':", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:ApiBaseUrl = 'not a url':", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Ok:AccessToken = '':", StringComparison.Ordinal));
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(errors, e => e.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static List<string> Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOkSources(configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<OkOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
    }
}
