using System.Text.RegularExpressions;

namespace Mcu.Monitor.Configuration;

/// <summary>Secrets are never echoed, not even in a start-up error: keys named like one are shown as ***.</summary>
public static partial class SecretMasking
{
    public static bool IsSecretKey(string key) =>
        key.Contains("Token", StringComparison.OrdinalIgnoreCase)
        || key.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("ApiKey", StringComparison.OrdinalIgnoreCase)
        || key.Contains("PrivateKey", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The binder's "Failed to convert configuration value 'X' at 'Key' to type 'T'." with X masked when Key
    /// is a secret.
    /// </summary>
    public static string MaskConversionError(string message)
    {
        var match = ConversionError().Match(message);
        return match.Success && IsSecretKey(match.Groups["key"].Value)
            ? message.Remove(match.Groups["value"].Index, match.Groups["value"].Length).Insert(match.Groups["value"].Index, "***")
            : message;
    }

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex ConversionError();
}
