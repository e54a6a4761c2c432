namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// VK error codes (PLATFORM-APIS.md §1.8, S-VKSCHEMA <c>errors.json</c>) and what the reader does with each.
/// Negative codes are this client's own: failures that never reached a VK error envelope.
/// </summary>
public static class VkErrorCodes
{
    public const int Transport = -1;
    public const int Timeout = -2;
    public const int MalformedResponse = -3;
    public const int HttpStatus = -4;
    public const int ExecuteCallFailed = -5;

    public const int Unknown = 1;
    public const int Auth = 5;
    public const int TooManyRequests = 6;
    public const int FloodControl = 9;
    public const int Server = 10;
    public const int Compile = 12;
    public const int Captcha = 14;
    public const int AccessDenied = 15;
    public const int ValidationRequired = 17;
    public const int UserDeleted = 18;
    public const int Blocked = 19;
    public const int GroupAuth = 27;
    public const int AppAuth = 28;
    public const int RateLimit = 29;
    public const int PrivateProfile = 30;
    public const int InvalidParameter = 100;
    public const int NotFound = 104;
    public const int InvalidUserId = 113;
    public const int AlbumAccess = 200;
    public const int GroupAccess = 203;
    public const int WallPostAccess = 210;
    public const int WallCommentAccess = 211;
    public const int PostCommentsAccess = 212;
    public const int UserDeactivated = 3610;

    /// <summary>Worth retrying within the same call: the same request may succeed a moment later.</summary>
    public static bool IsTransient(int code) =>
        code is Unknown or TooManyRequests or FloodControl or Server or Transport or Timeout or HttpStatus;

    /// <summary>The token is wrong or revoked: stop using it for the process and tell the operators.</summary>
    public static bool DisablesToken(int code) => code is Auth or GroupAuth or AppAuth;

    /// <summary>VK wants a human (captcha, validation): rest the token for a while instead of looping.</summary>
    public static bool PausesToken(int code) => code is Captcha or ValidationRequired;

    /// <summary>Ends the whole read: the token cannot be used now, or the method's daily quota is spent.</summary>
    public static bool StopsReading(int code) => DisablesToken(code) || PausesToken(code) || code == RateLimit;

    /// <summary>The community, user or post is closed, private, blocked or gone: skip it and go on.</summary>
    public static bool SkipsObject(int code) =>
        code is AccessDenied or UserDeleted or Blocked or PrivateProfile or AlbumAccess or GroupAccess
            or WallPostAccess or WallCommentAccess or PostCommentsAccess or UserDeactivated;

    /// <summary>
    /// The whole wall cannot be read (closed, private, blocked, deleted): alert the operators and leave the community
    /// alone for <see cref="VkOptions.UnavailableCommunityPause"/>.
    /// </summary>
    public static bool MeansUnavailableCommunity(int code) =>
        code is AccessDenied or UserDeleted or Blocked or PrivateProfile or GroupAccess or UserDeactivated;

    /// <summary>Too many requests or flood control: worth one more try after <see cref="VkApiException.RetryAfter"/>.</summary>
    public static bool IsRateLimited(int code) => code is TooManyRequests or FloodControl;

    /// <summary>The configured id is wrong or no longer exists: report the source to the operators and skip it.</summary>
    public static bool MeansBadSource(int code) => code is InvalidParameter or NotFound or InvalidUserId;
}
