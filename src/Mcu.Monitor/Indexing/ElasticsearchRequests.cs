using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace Mcu.Monitor.Indexing;

/// <summary>
/// JSON requests through the client's low-level transport, so the repository's JSON files go to the cluster
/// byte for byte (ELASTIC.md §3.1) and every failure becomes an <see cref="ElasticsearchReply"/>, never a throw.
/// </summary>
public static class ElasticsearchRequests
{
    public static async Task<ElasticsearchReply> SendAsync(
        ElasticsearchClient client, Elastic.Transport.HttpMethod method, string path, string? json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var response = json is null
                ? await client.Transport.RequestAsync<StringResponse>(method, path, cancellationToken)
                : await client.Transport.RequestAsync<StringResponse>(method, path, PostData.String(json), cancellationToken);
            var details = response.ApiCallDetails;
            return new ElasticsearchReply(details.HttpStatusCode, response.Body ?? "", details.OriginalException);
        }
        catch (TransportException ex)
        {
            return new ElasticsearchReply(ex.ApiCallDetails?.HttpStatusCode, "", ex);
        }
        catch (HttpRequestException ex)
        {
            return new ElasticsearchReply(null, "", ex);
        }
    }
}
