using System.Text.Json;

namespace Mcu.Monitor.Tests.Deploy;

/// <summary>One line of a Kibana ndjson file: where it is, its type and id, and the whole object.</summary>
internal sealed record SavedObject(string File, int Line, string Type, string Id, JsonElement Root)
{
    public JsonElement Attributes => Root.GetProperty("attributes");

    public string Where => $"{File}:{Line} {Type} {Id}";

    public string? Title => Attributes.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null;

    public IEnumerable<(string Type, string Id, string Name)> References =>
        Root.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Array
            ? references.EnumerateArray().Select(r => (Text(r, "type"), Text(r, "id"), Text(r, "name")))
            : [];

    public static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";
}
