using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Mcu.Monitor.Municipalities;
using Mcu.Monitor.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Web.Pages;

/// <summary>
/// Composes a page from <c>wwwroot/pages/layout.html</c> and the page's own fragment. Placeholders
/// (<c>{{name}}</c>) get HTML-encoded values; the data itself comes later from <c>/api</c>, read by the page's script.
/// </summary>
public sealed class PageRenderer(IWebHostEnvironment environment, IAntiforgery antiforgery, IOptions<MunicipalityOptions> municipality)
{
    private readonly ConcurrentDictionary<string, string> _templates = new();

    /// <summary>The console's pages: address, template and the title in the navigation bar.</summary>
    public static readonly IReadOnlyList<(string Path, string Page, string Title)> Navigation =
    [
        ("/feed", "feed", "Лента"),
        ("/queue", "queue", "Очередь"),
        ("/incidents", "incidents", "Инциденты"),
        ("/recipients", "recipients", "Получатели"),
        ("/summary", "summary", "Сводка"),
    ];

    public IResult Page(HttpContext context, string page, string title)
    {
        var user = context.User;
        var role = Enum.TryParse<ConsoleRole>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : ConsoleRole.ReadOnly;
        var nav = string.Concat(Navigation.Select(n =>
            $"<a href=\"{n.Path}\"{(n.Page == page || (page == "incident" && n.Page == "incidents") ? " aria-current=\"page\"" : "")}>{Encode(n.Title)}</a>"));
        var html = Fill(Template("layout"), new Dictionary<string, string>
        {
            ["title"] = Encode(title),
            ["page"] = Encode(page),
            ["role"] = Encode(role.ToString()),
            ["roleName"] = Encode(RoleName(role)),
            ["user"] = Encode(user.FindFirstValue(ConsolePolicies.DisplayNameClaim) ?? user.Identity?.Name ?? ""),
            ["municipality"] = Encode(municipality.Value.Name),
            ["csrf"] = Encode(antiforgery.GetAndStoreTokens(context).RequestToken ?? ""),
            ["nav"] = nav,
        }).Replace("{{content}}", Template(page), StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public IResult Login(HttpContext context, string? error, string? returnUrl)
    {
        var html = Fill(Template("login"), new Dictionary<string, string>
        {
            ["municipality"] = Encode(municipality.Value.Name),
            ["csrf"] = Encode(antiforgery.GetAndStoreTokens(context).RequestToken ?? ""),
            ["returnUrl"] = Encode(IsLocal(returnUrl) ? returnUrl! : "/"),
            ["error"] = error is null ? "" : "<p class=\"error\" role=\"alert\">Неверный логин или пароль. После нескольких неудачных попыток подряд вход "
                + "временно блокируется: попробуйте позже или обратитесь к администратору.</p>",
        });
        return Results.Content(html, "text/html; charset=utf-8");
    }

    public static string RoleName(ConsoleRole role) => role switch
    {
        ConsoleRole.Officer => "дежурный МЦУ",
        ConsoleRole.Head => "руководитель",
        _ => "только чтение",
    };

    /// <summary>
    /// A return address inside the console: never another site (<c>//host</c>, <c>/\host</c>) and no control characters,
    /// which browsers drop from a Location (<c>/\t/host</c> would become <c>//host</c>).
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private string Template(string name) => _templates.GetOrAdd(name, n =>
        File.ReadAllText(Path.Combine(environment.WebRootPath, "pages", n + ".html")));

    private static string Fill(string template, Dictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            template = template.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        }

        return template;
    }

    // Cyrillic stays readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string value) => Encoder.Encode(value);
}
