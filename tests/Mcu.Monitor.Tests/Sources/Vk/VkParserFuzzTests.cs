using System.Text;
using Mcu.Monitor.Sources.Vk;
using Mcu.Monitor.Sources.Vk.Models;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Vk;

/// <summary>Seeded random damage to real payloads: only <see cref="VkApiException"/> may leave the client, and nothing crashes.</summary>
public class VkParserFuzzTests
{
    private const int Seed = 20261120;

    [Fact]
    public async Task ParseAndMap_SeededMutationsOfEveryFixture_OnlyVkApiExceptionEscapes()
    {
        await using var host = new VkTestHost();
        var client = host.Client;
        var mapper = new VkPostMapper("test-mun", "vk:walls");
        var random = new Random(Seed);
        var fixtures = VkFixtures.All().Select(System.IO.File.ReadAllBytes).ToList();
        var parsed = 0;
        var refused = 0;
        for (var i = 0; i < 600; i++)
        {
            var body = Mutate(fixtures[i % fixtures.Count], random);
            try
            {
                var envelope = client.ParseBody("wall.get", body);
                parsed++;
                // What parses goes on through the typed readers and the mapper, as in a real poll.
                foreach (var post in TryRead<VkWallPage>(envelope)?.Items ?? [])
                {
                    if (post is not null)
                    {
                        mapper.MapPost(post, new VkAuthors(), out _);
                    }
                }

                foreach (var comment in TryRead<VkCommentsPage>(envelope)?.Items ?? [])
                {
                    if (comment is not null)
                    {
                        mapper.MapComment(comment, -1, 1, null, new VkAuthors(), out _);
                    }
                }
            }
            catch (VkApiException ex)
            {
                refused++;
                Assert.False(string.IsNullOrEmpty(ex.Message));
            }
        }

        Assert.True(parsed > 50 && refused > 50, $"parsed {parsed}, refused {refused}: the mutations should exercise both paths");
    }

    [Fact]
    public async Task ReadAsync_MalformedBodiesOverLoopback_SourcesNeverThrowAnythingButVkApiException()
    {
        await using var host = new VkTestHost(new() { ["Sources:Vk:Communities:0"] = "7", ["Sources:Vk:Queries:0"] = "Алексеевка", ["Sources:Vk:MaxRetries"] = "0" });
        var random = new Random(Seed);
        var fixtures = new[] { "wall.get.extended.repost-empty-text.json", "wall.get.repost-with-poll-and-geo.json", "wall.getComments.threads-and-deleted.json", "execute.partial-errors.json" }
            .Select(f => Encoding.UTF8.GetBytes(VkFixtures.Read(f))).ToList();
        var executeBody = Encoding.UTF8.GetBytes("{\"response\":[" + VkFixtures.Read("wall.get.extended.repost-empty-text.json")[13..^2] + "]}");
        fixtures.Add(executeBody);
        host.Vk.Override = _ => LoopbackResponse.Json(Encoding.UTF8.GetString(Mutate(fixtures[random.Next(fixtures.Count)], random)));
        var unexpected = new List<Exception>();
        for (var i = 0; i < 40; i++)
        {
            foreach (var id in new[] { "vk:walls", "vk:search" })
            {
                try
                {
                    await VkTestHost.ReadAllAsync(host.Source(id), null);
                }
                catch (VkApiException)
                {
                    // the only allowed escape: SourceRunner reports it and the next poll tries again
                }
                catch (Exception ex)
                {
                    unexpected.Add(ex);
                }
            }
        }

        Assert.Empty(unexpected);
        Assert.True(host.Server.Requests.Count >= 80);
    }

    private static T? TryRead<T>(VkEnvelope envelope)
        where T : class
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(envelope.Response, VkApiClient.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the client maps this to VkApiException(MalformedResponse); here we only feed the mapper
        }
    }

    /// <summary>Truncation, byte flips, deleted or duplicated spans, and JSON-aware swaps that keep it parseable.</summary>
    internal static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = source.ToList();
        switch (random.Next(8))
        {
            case 0:
                return [.. bytes.Take(random.Next(bytes.Count))];
            case 1:
                for (var i = 0; i < 1 + random.Next(5); i++)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                return [.. bytes];
            case 2:
                var start = random.Next(bytes.Count);
                bytes.RemoveRange(start, Math.Min(bytes.Count - start, random.Next(1, 40)));
                return [.. bytes];
            case 3:
                var at = random.Next(bytes.Count);
                bytes.InsertRange(at, bytes.Skip(random.Next(bytes.Count)).Take(random.Next(1, 30)).ToList());
                return [.. bytes];
            default:
                // Keep the JSON valid but change types and values: numbers to strings, huge numbers, nulls, arrays.
                var text = Encoding.UTF8.GetString(source);
                string[] replacements = ["null", "\"x\"", "99999999999999999999999", "-1", "[]", "{}", "true", "1.5", "\"1\""];
                var tokens = System.Text.RegularExpressions.Regex.Matches(text, @"-?\d+(\.\d+)?|""[^""\\]*""|\[\s*\]|true|false|null");
                for (var i = 0; i < 1 + random.Next(4) && tokens.Count > 0; i++)
                {
                    var token = tokens[random.Next(tokens.Count)];
                    text = string.Concat(text.AsSpan(0, token.Index), replacements[random.Next(replacements.Length)], text.AsSpan(token.Index + token.Length));
                    tokens = System.Text.RegularExpressions.Regex.Matches(text, @"-?\d+(\.\d+)?|""[^""\\]*""|\[\s*\]|true|false|null");
                }

                return Encoding.UTF8.GetBytes(text);
        }
    }
}
