namespace Mcu.Monitor.Indexing;

/// <summary>A request to Elasticsearch failed as a whole; the message names the request and the status, never credentials or document texts.</summary>
public sealed class ElasticsearchRequestException : Exception
{
    public ElasticsearchRequestException()
    {
    }

    public ElasticsearchRequestException(string message)
        : base(message)
    {
    }

    public ElasticsearchRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
