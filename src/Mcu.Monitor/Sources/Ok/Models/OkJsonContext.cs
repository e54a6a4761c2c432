using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>
/// Source-generated JSON for OK responses and the group cursor. Numbers given as strings are accepted,
/// because OK serialises some counters as strings [unverified which].
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OkTopicsResponse))]
[JsonSerializable(typeof(OkCommentsResponse))]
[JsonSerializable(typeof(OkErrorBody))]
[JsonSerializable(typeof(OkGroupCursor))]
internal sealed partial class OkJsonContext : JsonSerializerContext;
