using System.Net;
using System.Text;
using Mcu.Monitor.Alerts;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Sources.Ok;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Ok;

/// <summary>
/// Seeded mutations and truncations of valid OK responses reach the client and the mapping: nothing but an
/// <see cref="OkApiException"/> may escape, and nothing hangs. In-process handler, so hundreds of cases run fast.
/// </summary>
public class OkMalformedResponseFuzzTests
{
    private const string Topics =
        """{"media_topics":[{"id":"100","created_ms":CREATED,"media":[{"type":"text","text":"Нет воды 😡"},{"type":"photo","list":[{"id":"1"}]}],"author_ref":"user:5","like_summary":{"count":3},"discussion_summary":{"comments_count":2},"reshare_summary":{"count":"1"}},{"id":101,"created_ms":CREATED,"media":[]}],"anchor":"p2","has_more":false}""";

    private const string Comments =
        """{"comments":[{"id":"c1","author_id":5,"author_name":"Ира","date":"2026-11-20 12:30:00","text":"и у нас","like_count":1},{"id":"c2","deleted":true},{"id":"c3","date_ms":1763631000000,"text":"\u0434\u0430"}],"anchor":"c3","has_more":false}""";

    private static readonly string[] Fragments =
        ["{", "}", "[", "]", "\"", ",", ":", "null", "true", "-1", "1e309", "\"\\u0000\"", "\\", "\"\\ud800\"", "{\"error_code\":\"x\"}", "99999999999999999999", "[]", "{}"];

    [Fact]
    public async Task ReadAsync_SeededMutationsOfEveryResponse_OnlyOkApiExceptionEscapes()
    {
        var random = new Random(20261120);
        var created = TimeProvider.System.GetUtcNow().AddMinutes(-5).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var topics = Topics.Replace("CREATED", created, StringComparison.Ordinal);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < 400; i++)
        {
            var mutateTopics = i % 2 == 0;
            var topicsBody = mutateTopics ? Mutate(topics, random) : topics;
            var commentsBody = mutateTopics ? Comments : Mutate(Comments, random);
            var handler = new ScriptedHandler(body => body.Contains("mediatopic.getTopics", StringComparison.Ordinal) ? topicsBody : commentsBody);
            using var services = Build(handler);
            var source = services.GetRequiredService<OkSourceProvider>().Create(new OkGroupOptions { Id = "7" });

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await foreach (var item in source.ReadAsync(null, timeout.Token))
                {
                    // An item without a post only saves the cursor (comments read to the end with nothing new).
                    Assert.False(string.IsNullOrEmpty(item.Cursor));
                }

                outcomes["read"] = outcomes.GetValueOrDefault("read") + 1;
            }
            catch (OkApiException ex)
            {
                outcomes[ex.Kind.ToString()] = outcomes.GetValueOrDefault(ex.Kind.ToString()) + 1;
            }

            Assert.False(timeout.IsCancellationRequested, $"case {i} hung");
        }

        // The mutations must really break things, and must not break all of them.
        Assert.True(outcomes.GetValueOrDefault(nameof(OkErrorKind.InvalidResponse)) > 50, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("read") > 20, string.Join(", ", outcomes));
    }

    private static string Mutate(string json, Random random)
    {
        if (json.Length == 0)
        {
            return Fragments[random.Next(Fragments.Length)];
        }

        const string Noise = "{}[]\",:0a\\ ";
        var s = new StringBuilder(json);
        switch (random.Next(6))
        {
            case 0: // truncation
                return json[..random.Next(json.Length)];
            case 1: // delete a span
                var at = random.Next(s.Length);
                s.Remove(at, Math.Min(random.Next(1, 8), s.Length - at));
                break;
            case 2: // insert a fragment
                s.Insert(random.Next(s.Length), Fragments[random.Next(Fragments.Length)]);
                break;
            case 3: // overwrite a character
                s[random.Next(s.Length)] = Noise[random.Next(Noise.Length)];
                break;
            case 4: // change a value's type
                var targets = new[] { "\"100\"", "3", "false", "[{\"type\"", "\"c1\"", "\"2026-11-20 12:30:00\"", "\"p2\"" };
                var target = targets[random.Next(targets.Length)];
                return json.Replace(target, Fragments[random.Next(Fragments.Length)], StringComparison.Ordinal);
            default: // several mutations at once
                var mutated = json;
                for (var k = 0; k < 3; k++)
                {
                    mutated = Mutate(mutated, random);
                }

                return mutated;
        }

        return s.ToString();
    }

    private static ServiceProvider Build(HttpMessageHandler handler)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IOperatorAlerts, CollectingOperatorAlerts>();
        services.AddSingleton<IOptions<MunicipalityOptions>>(Options.Create(new MunicipalityOptions { Id = "test-mun" }));
        services.AddSingleton<IOptions<OkOptions>>(Options.Create(new OkOptions
        {
            ApplicationKey = "K",
            SecretKey = "S",
            AccessToken = "T",
            ApiBaseUrl = "http://127.0.0.1:9/",
            MinRequestInterval = TimeSpan.Zero,
            RetryDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
            MaxRetries = 1,
            Groups = [new OkGroupOptions { Id = "7" }],
        }));
        services.AddSingleton<IHttpClientFactory>(new SingleHandlerFactory(handler));
        services.AddSingleton<OkApiClient>();
        services.AddSingleton<OkSourceProvider>();
        return services.BuildServiceProvider();
    }


    private sealed class SingleHandlerFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class ScriptedHandler(Func<string, string> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer(body), Encoding.UTF8, "application/json") };
        }
    }
}
