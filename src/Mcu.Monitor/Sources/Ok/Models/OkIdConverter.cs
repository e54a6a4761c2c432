using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Ok.Models;

/// <summary>OK ids are 64-bit and arrive as strings or numbers depending on the method; both become strings.</summary>
internal sealed class OkIdConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetInt64(out var n) => n.ToString(CultureInfo.InvariantCulture),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected an id (string or integer), found {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
