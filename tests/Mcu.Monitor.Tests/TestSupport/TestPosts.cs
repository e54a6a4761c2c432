using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;
using Mcu.Monitor.Pipeline;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>Builders of posts and processed posts for store and pipeline tests.</summary>
public static class TestPosts
{
    public static readonly DateTimeOffset Published = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(3));

    public static Post Post(string id, string text = "текст", PostKind kind = PostKind.Post, string? parentId = null) => new()
    {
        Key = new PostKey(Network.Vk, "-1", id),
        Municipality = "test-mun",
        SourceId = "file:test",
        Kind = kind,
        ParentKey = parentId is null ? null : new PostKey(Network.Vk, "-1", parentId),
        PublishedAt = Published,
        Text = text,
        Url = $"https://vk.com/wall-1_{id}",
    };

    public static ProcessedPost Processed(string id, bool appeal, string sector = "zhkh")
    {
        var post = Post(id);
        var classification = new ClassificationResult
        {
            Sector = sector,
            IsAppeal = appeal,
            Risk = RiskLevel.Medium,
            RiskScore = 0.3,
            Reasons = ["test"],
            ModelVersion = "test",
        };
        IncidentPlan? plan = null;
        if (appeal)
        {
            plan = new IncidentPlan(
                new Incident
                {
                    Municipality = post.Municipality,
                    PostKey = post.Key,
                    Sector = sector,
                    RecipientId = "zhkh",
                    Priority = Priority.Normal,
                    Risk = RiskLevel.Medium,
                    Status = IncidentStatus.New,
                    OpenedAt = Published,
                    DueAt = Published.AddHours(24),
                    RoutingReason = "test rule",
                },
                $"{IncidentPlanner.AlertKindOpened}:{post.Key}");
        }

        return new ProcessedPost(post, "hash", classification, null, plan);
    }
}
