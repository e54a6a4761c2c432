using System.Text.Json;
using System.Text.Json.Nodes;
using Mcu.Monitor.Storage;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Indexing;

/// <summary>
/// The mappings are strict, so a document field they do not name makes Elasticsearch refuse the document: every
/// property of the indexed documents, snake_cased as the client sends them, must be mapped.
/// </summary>
public class DocumentMappingTests
{
    [Theory]
    [InlineData(typeof(PostDocument), "mcu-posts-mappings.json")]
    [InlineData(typeof(IncidentDocument), "mcu-incidents-mappings.json")]
    public void EveryDocumentProperty_IsMapped(Type document, string mappings)
    {
        var file = Path.Combine(TestConfiguration.RepositoryRoot(), "deploy", "elasticsearch", mappings);
        var mapped = JsonNode.Parse(File.ReadAllText(file))!["template"]!["mappings"]!["properties"]!.AsObject().Select(p => p.Key).ToHashSet();

        var names = document.GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));

        Assert.All(names, name => Assert.Contains(name, mapped));
    }
}
