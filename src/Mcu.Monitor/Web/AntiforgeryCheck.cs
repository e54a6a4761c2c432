using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Mcu.Monitor.Web;

/// <summary>
/// Refuses every change (any method but GET, HEAD, OPTIONS and TRACE) without a valid anti-forgery token: the
/// <c>X-CSRF-TOKEN</c> header from the console's scripts, or the form field of the login form. It runs after
/// authorisation, so an anonymous change is refused as unauthorised first.
/// </summary>
public sealed class AntiforgeryCheck(RequestDelegate next)
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string FormFieldName = "__csrf";

    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method) && !HttpMethods.IsTrace(method)
            && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "Запрос отклонён: нет действительного токена защиты от подделки (обновите страницу)" });
            return;
        }

        await next(context);
    }
}
