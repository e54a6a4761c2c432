using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.File.Models;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, AllowTrailingCommas = false)]
[JsonSerializable(typeof(FeedRecord))]
internal sealed partial class FeedJsonContext : JsonSerializerContext;
