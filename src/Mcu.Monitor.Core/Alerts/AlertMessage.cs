using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Alerts;

/// <summary>Everything a channel needs to tell a recipient about an incident. The post text is untrusted input.</summary>
public sealed record AlertMessage
{
    public required long AlertId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Kind { get; init; }

    public required long IncidentId { get; init; }

    public required string RecipientId { get; init; }

    public required string RecipientName { get; init; }

    public required string Sector { get; init; }

    public required string SectorName { get; init; }

    public string? LocalityName { get; init; }

    public required RiskLevel Risk { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required Network Network { get; init; }

    public string? PostUrl { get; init; }

    public required string PostText { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>The incident's opening post, for links back to it.</summary>
    public string? PostKey { get; init; }

    /// <summary>What happened, for alerts other than an opening (a reminder's clock, an escalation's rung, a rejection's reason).</summary>
    public string? Details { get; init; }

    /// <summary>When the alert was queued: e-mail takes over from a channel that has failed for too long.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
