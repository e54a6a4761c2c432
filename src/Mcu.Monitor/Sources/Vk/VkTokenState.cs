using System.Collections.Concurrent;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// What VK told us about the token in this process: refused for good (5, 27, 28), resting after a captcha or
/// validation request (14, 17), or a method's daily quota spent (29). Checked before every request, so a
/// refused or resting token sends nothing.
/// </summary>
internal sealed class VkTokenState(TimeProvider time)
{
    /// <summary>VK's daily quotas reset at midnight Moscow time (UTC+3, no daylight saving since 2014).</summary>
    private static readonly TimeSpan MoscowOffset = TimeSpan.FromHours(3);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _methodsResting = new(StringComparer.Ordinal);
    private int _disabledCode;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _pausedCode;

    public bool IsDisabled => Volatile.Read(ref _disabledCode) != 0;

    public void Disable(int code) => Interlocked.CompareExchange(ref _disabledCode, code, 0);

    public DateTimeOffset Pause(int code, TimeSpan pause)
    {
        var until = time.GetUtcNow() + pause;
        lock (_methodsResting)
        {
            _pausedUntil = until;
            _pausedCode = code;
        }

        return until;
    }

    /// <summary>Error 29: the method rests until the next midnight in Moscow.</summary>
    public DateTimeOffset SuspendMethodForToday(string method)
    {
        var moscow = time.GetUtcNow().ToOffset(MoscowOffset);
        var until = new DateTimeOffset(moscow.Date.AddDays(1), MoscowOffset);
        _methodsResting[method] = until;
        return until;
    }

    /// <summary>Throws when the token may not be used for <paramref name="method"/> now; no request is sent then.</summary>
    public void EnsureUsable(string method)
    {
        var disabled = Volatile.Read(ref _disabledCode);
        if (disabled != 0)
        {
            throw new VkApiException(method, disabled, $"VK {method}: the service token was refused (error {disabled}) and is not used until restart");
        }

        var now = time.GetUtcNow();
        DateTimeOffset pausedUntil;
        int pausedCode;
        lock (_methodsResting)
        {
            pausedUntil = _pausedUntil;
            pausedCode = _pausedCode;
        }

        if (now < pausedUntil)
        {
            throw new VkApiException(method, pausedCode, $"VK {method}: the token rests after error {pausedCode} until {pausedUntil:O}", pausedUntil - now);
        }

        if (_methodsResting.TryGetValue(method, out var until) && now < until)
        {
            throw new VkApiException(method, VkErrorCodes.RateLimit, $"VK {method}: daily quota reached, resting until {until:O}", until - now);
        }
    }
}
