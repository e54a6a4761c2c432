using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mcu.Monitor.Web.Pages;

/// <summary>The console's pages, each closed to anonymous visitors (they are sent to <c>/login</c>).</summary>
public static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/feed")).RequireAuthorization(ConsolePolicies.Read).ExcludeFromDescription();
        foreach (var (path, page, title) in PageRenderer.Navigation)
        {
            app.MapGet(path, (HttpContext context, PageRenderer pages) => pages.Page(context, page, title))
                .RequireAuthorization(ConsolePolicies.Read).ExcludeFromDescription();
        }

        app.MapGet("/incidents/{id:long}", (long id, HttpContext context, PageRenderer pages) => pages.Page(context, "incident", $"Инцидент #{id}"))
            .RequireAuthorization(ConsolePolicies.Read).ExcludeFromDescription();
    }
}
