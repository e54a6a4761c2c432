using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mcu.Monitor.Web.Api;

/// <summary>
/// Describes the API's authorisation in the OpenAPI document: the session cookie on every operation, the anti-forgery
/// header on every change, and the refusals (401 without a session, 403 for a role that may not, 400 without the token).
/// </summary>
public static class ApiSecurityDocument
{
    public const string Session = "session";
    public const string Antiforgery = "antiforgery";

    public static Task DescribeSchemes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Mcu.Monitor console API";
        document.Info.Description = "The JSON API of the operator web console: posts, the triage queue, incidents, recipients, rating, summary. "
            + "Sign in through the console's login form; every route needs that session; every change also needs the X-CSRF-TOKEN header "
            + "(the token is in the csrf-token meta tag of every console page). Roles: Officer changes, Head closes and reopens, ReadOnly reads.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Session] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = WebConsoleSetup.CookieName,
            Description = "The console's session cookie, set by signing in at /login.",
        };
        document.Components.SecuritySchemes[Antiforgery] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = AntiforgeryCheck.HeaderName,
            Description = "The anti-forgery token of the session, required on every change.",
        };
        return Task.CompletedTask;
    }

    public static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Session, context.Document)] = [] };
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No session: sign in first" });
        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            requirement[new OpenApiSecuritySchemeReference(Antiforgery, context.Document)] = [];
            operation.Responses.TryAdd("400", new OpenApiResponse { Description = "No valid anti-forgery token, or a malformed request" });
        }

        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Contains(ConsolePolicies.Change) || policies.Contains(ConsolePolicies.Accept))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse
            {
                Description = policies.Contains(ConsolePolicies.Change) ? "Only an Officer may do this" : "Only an Officer or the Head may do this",
            });
        }

        operation.Security = [requirement];
        return Task.CompletedTask;
    }
}
