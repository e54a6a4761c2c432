namespace Mcu.Monitor.Storage;

/// <summary>Document types of the index outbox.</summary>
public static class IndexDocumentTypes
{
    public const string Post = "post";
    public const string Incident = "incident";
}
