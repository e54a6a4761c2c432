using Microsoft.AspNetCore.Routing;

namespace Mcu.Monitor.Web.Api;

/// <summary><c>/api</c>: the JSON the console's pages use, the same for any other client with a session (OpenAPI at <c>/openapi/v1.json</c>).</summary>
public static class ApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ReferenceApi.Map(api);
        PostsApi.Map(api);
        IncidentsApi.Map(api);
        TriageApi.Map(api);
        RecipientsApi.Map(api);
        SummaryApi.Map(api);
    }

    /// <summary>A text parameter as the API takes it: trimmed, and blank meaning «not given».</summary>
    internal static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
