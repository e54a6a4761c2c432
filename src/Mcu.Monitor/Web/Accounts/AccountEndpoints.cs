using System.Security.Claims;
using Mcu.Monitor.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mcu.Monitor.Web.Accounts;

/// <summary>The login form (the only page open to anonymous visitors), signing in and out.</summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, PageRenderer pages, string? error, string? returnUrl) => pages.Login(context, error, returnUrl))
            .AllowAnonymous().ExcludeFromDescription();

        // The anti-forgery token of the form is checked by AntiforgeryCheck before this runs.
        app.MapPost("/account/login", async (HttpContext context, ConsoleAccounts accounts) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var login = form["login"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            var (outcome, user) = accounts.SignIn(login, form["password"].ToString(), context.Connection.RemoteIpAddress?.ToString());
            if (outcome != SignInOutcome.Success || user is null)
            {
                // One answer for an unknown login, a wrong password and a lock, so the form tells nobody which accounts exist.
                return Results.Redirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(PageRenderer.IsLocal(returnUrl) ? returnUrl : "/")}");
            }

            var identity = new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Name, user.Login),
                    new Claim(ClaimTypes.Role, user.Role.ToString()),
                    new Claim(ConsolePolicies.DisplayNameClaim, user.DisplayName),
                    new Claim(WebConsoleSetup.StampClaim, user.SecurityStamp),
                ],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(PageRenderer.IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous().RequireRateLimiting(WebConsoleSetup.LoginRateLimit).ExcludeFromDescription();

        app.MapPost("/account/logout", async (HttpContext context, ConsoleAccounts accounts) =>
        {
            accounts.EndSessions(context.User.Identity!.Name!, ConsolePolicies.Actor(context.User));
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).RequireAuthorization(ConsolePolicies.Read).ExcludeFromDescription();
    }
}
