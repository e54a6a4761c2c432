using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mcu.Monitor.Sources.Vk.Models;

/// <summary>VK flags come as 0/1 in some objects and true/false in others (and as strings in old payloads): accept all.</summary>
internal sealed class VkFlexibleBoolConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.TryGetDouble(out var number) ? number != 0 : null,
        JsonTokenType.String => reader.GetString() is { } text && (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase)),
        _ => Skip(ref reader),
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBooleanValue(value.Value);
        }
    }

    /// <summary>An object or array where a flag was expected is ignored rather than failing the whole page.</summary>
    private static bool? Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
