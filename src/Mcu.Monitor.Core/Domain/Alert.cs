namespace Mcu.Monitor.Domain;

/// <summary>
/// A message to a recipient about an incident, kept in the alert outbox until a channel delivers it.
/// <see cref="IdempotencyKey"/> is unique, so a replayed batch can never enqueue the same alert twice.
/// </summary>
public sealed record Alert
{
    public long Id { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Municipality { get; init; }

    public required long IncidentId { get; init; }

    public required string RecipientId { get; init; }

    public required string Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Attempts { get; init; }
}
