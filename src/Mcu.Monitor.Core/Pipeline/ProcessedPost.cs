using Mcu.Monitor.Domain;
using Mcu.Monitor.Incidents;

namespace Mcu.Monitor.Pipeline;

/// <summary>A post ready to store: classified, placed, and with the incident it opens if it is new.</summary>
public sealed record ProcessedPost(
    Post Post,
    string ContentHash,
    ClassificationResult Classification,
    LocalityMatch? Locality,
    IncidentPlan? Incident);
