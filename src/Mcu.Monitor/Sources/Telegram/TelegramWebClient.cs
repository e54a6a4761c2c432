using System.Globalization;
using System.Net;

namespace Mcu.Monitor.Sources.Telegram;

/// <summary>
/// Reads t.me/s pages. <see cref="GetPageAsync"/> is the one choke point: network errors, timeouts,
/// HTTP errors and answers that are not HTML all leave as a <see cref="TelegramApiException"/>.
/// </summary>
public sealed class TelegramWebClient(HttpClient http, Uri webBaseUrl)
{
    /// <summary>Larger pages are not a t.me/s page (a normal one is well under 1 MB).</summary>
    internal const int MaxPageChars = 8 << 20;

    public Uri PageUri(string channel, long? before) =>
        new(webBaseUrl, "s/" + Uri.EscapeDataString(channel) + (before is { } b ? "?before=" + b.ToString(CultureInfo.InvariantCulture) : ""));

    public async Task<string> GetPageAsync(string channel, long? before, CancellationToken cancellationToken)
    {
        var uri = PageUri(channel, before);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new TelegramApiException($"t.me/s/{channel}: request failed: {ex.Message}", null, isTransient: true, innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TelegramApiException($"t.me/s/{channel}: request timed out", null, isTransient: true, innerException: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500;
                throw new TelegramApiException($"t.me/s/{channel}: HTTP {status}", status, transient, RetryAfter(response));
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                throw new TelegramApiException($"t.me/s/{channel}: answer is {mediaType}, not HTML", status, isTransient: true);
            }

            if (response.Content.Headers.ContentLength > MaxPageChars)
            {
                throw new TelegramApiException($"t.me/s/{channel}: page of {response.Content.Headers.ContentLength} bytes is too large", status, isTransient: false);
            }

            try
            {
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                return html.Length <= MaxPageChars
                    ? html
                    : throw new TelegramApiException($"t.me/s/{channel}: page is too large", status, isTransient: false);
            }
            catch (HttpRequestException ex)
            {
                throw new TelegramApiException($"t.me/s/{channel}: reading the page failed: {ex.Message}", status, isTransient: true, innerException: ex);
            }
            catch (IOException ex)
            {
                throw new TelegramApiException($"t.me/s/{channel}: reading the page failed: {ex.Message}", status, isTransient: true, innerException: ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TelegramApiException($"t.me/s/{channel}: reading the page timed out", status, isTransient: true, innerException: ex);
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } when response.Headers.Date is { } now => date - now,
            _ => null,
        };
}
