using System.Security.Claims;
using System.Threading.RateLimiting;
using System.Text.Json.Serialization;
using Mcu.Monitor.Observability;
using Mcu.Monitor.Web.Accounts;
using Mcu.Monitor.Web.Api;
using Mcu.Monitor.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Web;

/// <summary>
/// The operator web console (issue #8) in the worker's process: server-composed pages whose scripts read and change
/// everything through the same <c>/api</c> the OpenAPI document describes; cookie sign-in with roles, an anti-forgery
/// token on every change, <c>/health</c> and <c>/metrics</c>.
/// </summary>
public static class WebConsoleSetup
{
    public const string CookieName = "mcu.session";
    public const string StampClaim = "mcu:stamp";
    public const string LoginRateLimit = "login";

    public static void AddWebConsole(this WebApplicationBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebConsoleOptions.SectionName).Get<WebConsoleOptions>() ?? new WebConsoleOptions();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        services.AddSingleton<PageRenderer>();
        services.AddMemoryCache();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryCheck.HeaderName;
            antiforgery.FormFieldName = AntiforgeryCheck.FormFieldName;
            antiforgery.Cookie.Name = "mcu.csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = options.UsesSecureCookies() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = options.UsesSecureCookies() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/login";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnRedirectToLogin = context => RefuseApi(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RefuseApi(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnValidatePrincipal = ValidateAccountAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Read, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ConsolePolicies.Change, policy => policy.RequireRole(nameof(ConsoleRole.Officer)))
            .AddPolicy(ConsolePolicies.Accept, policy => policy.RequireRole(nameof(ConsoleRole.Officer), nameof(ConsoleRole.Head)))
            // A route that forgets to name a policy is still closed to anonymous requests.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer(ApiSecurityDocument.DescribeSchemes);
            openApi.AddOperationTransformer(ApiSecurityDocument.DescribeOperation);
        });
        services.AddHealthChecks().AddCheck<SqliteHealthCheck>("sqlite");

        // Sign-in attempts per client address: a flood of password checks (PBKDF2 is slow on purpose) is refused early.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // The keys that sign session cookies and anti-forgery tokens live beside the database, so a restart or a new
        // container keeps everyone signed in; protect that folder like the database itself.
        var database = configuration.GetSection(Storage.StorageOptions.SectionName).Get<Storage.StorageOptions>() ?? new Storage.StorageOptions();
        services.AddDataProtection()
            .SetApplicationName("Mcu.Monitor")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.DatabasePath)) ?? ".", "console-keys")));
    }

    public static void MapWebConsole(this WebApplication app)
    {
        // A TLS reverse proxy on this host (nginx, Caddy) says the browser's scheme and address in X-Forwarded-*: the
        // cookies then carry Secure and the audit log the real address. Only loopback proxies are believed (the default).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            headers.CacheControl = "no-cache, no-store"; // as the anti-forgery code wants it on pages with a token
            headers.Pragma = "no-cache";
            await next(context);
        });

        // Only the shared stylesheet and scripts are files served to anyone: they hold no data. Page templates are not files here.
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/assets",
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, "assets")),
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<AntiforgeryCheck>();

        app.MapHealthChecks("/health").AllowAnonymous();
        // Prometheus scrapes without a session; the text holds counts only, never a post or a name.
        app.MapGet("/metrics", async (HttpContext context, MonitorMetrics metrics) =>
        {
            context.Response.ContentType = MonitorMetrics.ContentType;
            await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
            await metrics.WriteAsync(writer, context.RequestAborted);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().RequireAuthorization(ConsolePolicies.Read);
        AccountEndpoints.Map(app);
        PageEndpoints.Map(app);
        ApiEndpoints.Map(app.MapGroup("/api").RequireAuthorization(ConsolePolicies.Read));
    }

    /// <summary>API callers get a status code; a browser asking for a page is sent to the login form.</summary>
    private static Task RefuseApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A page asked for without a session goes to the login form; everything else (the API, a role that may not) gets the code.
        var api = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");
        if (api || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A session ends at once when its account is removed or disabled, or its stamp changed (password, role, log-out).
    /// A lock after failed logins refuses new sign-ins only: someone guessing a password must not throw the officer out.
    /// </summary>
    private static async Task ValidateAccountAsync(CookieValidatePrincipalContext context)
    {
        var login = context.Principal?.Identity?.Name;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<ConsoleAccounts>();
        var user = login is null ? null : accounts.Find(login);
        if (user is null || user.Disabled || context.Principal!.FindFirstValue(StampClaim) != user.SecurityStamp
            || context.Principal!.FindFirstValue(ClaimTypes.Role) != user.Role.ToString())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    internal static IOptions<WebConsoleOptions> Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<WebConsoleOptions>>();
}
