using System.Security.Cryptography;
using System.Text;

namespace Mcu.Monitor.Sources.Ok;

/// <summary>
/// The OK request signature (PLATFORM-APIS §2.2; apiok.ru/en/dev/methods, "Calculating request signature"):
/// drop <c>session_key</c> and <c>access_token</c>, sort the rest by key (ordinal), join as <c>key=value</c>
/// with no separator, append the secret, and take the lower-case hex MD5. Values are hashed as UTF-8 and not
/// URL-encoded inside the signed string ([unverified] for non-ASCII values, PLATFORM-APIS §5).
/// </summary>
internal static class OkSignature
{
    /// <summary>Parameters that travel with the request but are never part of the signed string.</summary>
    private static readonly HashSet<string> Unsigned = new(StringComparer.Ordinal) { "session_key", "access_token", "sig" };

    /// <summary>
    /// The signing secret: the session secret when there is one; otherwise <c>md5(access_token + secret key)</c>
    /// for a call with a user token; otherwise the application secret key itself.
    /// </summary>
    public static string Secret(string? sessionSecretKey, string? accessToken, string applicationSecretKey)
    {
        if (!string.IsNullOrEmpty(sessionSecretKey))
        {
            return sessionSecretKey;
        }

        return string.IsNullOrEmpty(accessToken) ? applicationSecretKey : Md5Hex(accessToken + applicationSecretKey);
    }

    /// <summary>The string that is hashed; exposed so tests can pin it against the documentation.</summary>
    public static string StringToSign(IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters.Where(p => !Unsigned.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(key).Append('=').Append(value);
        }

        return builder.Append(secret).ToString();
    }

    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret) =>
        Md5Hex(StringToSign(parameters, secret));

#pragma warning disable CA5351 // MD5 is what the OK API specifies for request signatures; it is not our choice of hash.
    private static string Md5Hex(string value) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(value)));
#pragma warning restore CA5351
}
