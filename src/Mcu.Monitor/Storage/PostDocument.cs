namespace Mcu.Monitor.Storage;

/// <summary>
/// A post as the search index holds it, rebuilt from SQLite at any time. Author ids and names are left out
/// on purpose: analysts need what was said and where, not who said it.
/// </summary>
public sealed record PostDocument
{
    public required string Id { get; init; }

    /// <summary>The document version for external versioning: the newest index outbox id of this post.</summary>
    public required long Version { get; init; }

    public required string Municipality { get; init; }

    public required string Network { get; init; }

    public required string Source { get; init; }

    public required string Kind { get; init; }

    public string? ParentId { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public required DateTimeOffset StoredAt { get; init; }

    public required string Text { get; init; }

    public bool TextErased { get; init; }

    public string? Url { get; init; }

    public string? LocalityId { get; init; }

    public string? LocalityName { get; init; }

    public required string Sector { get; init; }

    public required string SectorName { get; init; }

    public required bool Appeal { get; init; }

    public required string RiskLevel { get; init; }

    public required double RiskScore { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required string ModelVersion { get; init; }

    public required DateTimeOffset ClassifiedAt { get; init; }

    public long? IncidentId { get; init; }

    public string? RecipientId { get; init; }

    public string? RecipientName { get; init; }

    public int Likes { get; init; }

    public int Comments { get; init; }

    public int Reposts { get; init; }

    public int Views { get; init; }
}
