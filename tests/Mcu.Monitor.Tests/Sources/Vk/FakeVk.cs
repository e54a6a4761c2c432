using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources.Vk;

/// <summary>
/// A fake VK API behind <see cref="LoopbackHttpServer"/>: walls (newest first), comments, groups and search
/// results in memory, answered in the 5.199 shapes; <c>execute</c> scripts are read back with a regex. A test
/// can take over any request with <see cref="Override"/> (return null to fall through).
/// </summary>
public sealed partial class FakeVk
{
    public ConcurrentDictionary<long, List<JsonObject>> Walls { get; } = new();

    /// <summary>Owner ids whose wall.get fails with this error code.</summary>
    public ConcurrentDictionary<long, int> WallErrors { get; } = new();

    /// <summary>Top-level comments per "owner_post", each may carry replies under "replies" (served via comment_id only).</summary>
    public ConcurrentDictionary<string, List<JsonObject>> Comments { get; } = new();

    public ConcurrentDictionary<string, int> CommentErrors { get; } = new();

    public ConcurrentDictionary<string, long> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<JsonObject> SearchResults { get; } = [];

    public int SearchPageSize { get; set; } = 2;

    public Func<RecordedRequest, LoopbackResponse?>? Override { get; set; }

    public static JsonObject Post(long owner, long id, long date, string text = "текст", bool pinned = false, long? from = null, JsonArray? attachments = null)
    {
        var post = new JsonObject
        {
            ["id"] = id,
            ["owner_id"] = owner,
            ["from_id"] = from ?? owner,
            ["date"] = date,
            ["post_type"] = "post",
            ["text"] = text,
            ["comments"] = new JsonObject { ["count"] = 0 },
            ["likes"] = new JsonObject { ["count"] = 2 },
            ["reposts"] = new JsonObject { ["count"] = 1 },
            ["views"] = new JsonObject { ["count"] = 50 },
        };
        if (pinned)
        {
            post["is_pinned"] = 1;
        }

        if (attachments is not null)
        {
            post["attachments"] = attachments;
        }

        return post;
    }

    public static JsonObject Comment(long id, long date, long from = 100, string text = "комментарий") => new()
    {
        ["id"] = id,
        ["from_id"] = from,
        ["date"] = date,
        ["text"] = text,
        ["likes"] = new JsonObject { ["count"] = 1 },
    };

    public static string Error(int code, string method = "wall.get") =>
        new JsonObject { ["error"] = new JsonObject { ["error_code"] = code, ["error_msg"] = "error " + code, ["request_params"] = new JsonArray() } }.ToJsonString();

    /// <summary>Adds <paramref name="count"/> posts with ids 1..count (newest first), one minute apart, ending at <paramref name="newestDate"/>.</summary>
    public void AddWall(long owner, int count, long newestDate, long firstId = 1)
    {
        var posts = new List<JsonObject>();
        for (var id = firstId + count - 1; id >= firstId; id--)
        {
            posts.Add(Post(owner, id, newestDate - ((firstId + count - 1 - id) * 60)));
        }

        Walls[owner] = posts;
    }

    public LoopbackResponse Handle(RecordedRequest request)
    {
        if (Override?.Invoke(request) is { } taken)
        {
            return taken;
        }

        var p = request.Parameters;
        return request.Path switch
        {
            "/method/execute" => Execute(p["code"]),
            "/method/wall.get" => WallGet(long.Parse(p["owner_id"], CultureInfo.InvariantCulture), int.Parse(p["offset"], CultureInfo.InvariantCulture), int.Parse(p["count"], CultureInfo.InvariantCulture)),
            "/method/wall.getComments" => GetComments(p),
            "/method/groups.getById" => GroupsGetById(p["group_ids"]),
            "/method/newsfeed.search" => Search(p),
            _ => LoopbackResponse.Json(Error(3)),
        };
    }

    private LoopbackResponse Execute(string code)
    {
        var results = new JsonArray();
        var errors = new JsonArray();
        foreach (Match call in WallCall().Matches(code))
        {
            var owner = long.Parse(call.Groups["owner"].Value, CultureInfo.InvariantCulture);
            if (WallErrors.TryGetValue(owner, out var error) || !Walls.ContainsKey(owner))
            {
                results.Add(false);
                errors.Add(new JsonObject { ["method"] = "wall.get", ["error_code"] = error == 0 ? 15 : error, ["error_msg"] = "error" });
                continue;
            }

            results.Add(Page(owner, int.Parse(call.Groups["offset"].Value, CultureInfo.InvariantCulture), int.Parse(call.Groups["count"].Value, CultureInfo.InvariantCulture)));
        }

        var body = new JsonObject { ["response"] = results };
        if (errors.Count > 0)
        {
            body["execute_errors"] = errors;
        }

        return LoopbackResponse.Json(body.ToJsonString());
    }

    private LoopbackResponse WallGet(long owner, int offset, int count) =>
        WallErrors.TryGetValue(owner, out var error) ? LoopbackResponse.Json(Error(error))
        : LoopbackResponse.Json(new JsonObject { ["response"] = Page(owner, offset, count) }.ToJsonString());

    private JsonObject Page(long owner, int offset, int count)
    {
        var wall = Walls.GetValueOrDefault(owner) ?? [];
        List<JsonObject> slice;
        lock (wall)
        {
            slice = [.. wall.Skip(offset).Take(count)];
        }

        return new JsonObject
        {
            ["count"] = wall.Count,
            ["items"] = new JsonArray([.. slice.Select(n => n.DeepClone())]),
            ["profiles"] = new JsonArray(new JsonObject { ["id"] = 100, ["first_name"] = "Ирина", ["last_name"] = "К." }),
            ["groups"] = new JsonArray(new JsonObject { ["id"] = -owner, ["name"] = "Сообщество " + (-owner).ToString(CultureInfo.InvariantCulture) }),
        };
    }

    private LoopbackResponse GetComments(IReadOnlyDictionary<string, string> p)
    {
        var key = p["owner_id"] + "_" + p["post_id"];
        if (CommentErrors.TryGetValue(key, out var error))
        {
            return LoopbackResponse.Json(Error(error, "wall.getComments"));
        }

        var top = Comments.GetValueOrDefault(key) ?? [];
        var offset = int.Parse(p["offset"], CultureInfo.InvariantCulture);
        var count = int.Parse(p["count"], CultureInfo.InvariantCulture);
        List<JsonNode> items;
        long total;
        if (p.TryGetValue("comment_id", out var commentId))
        {
            var parent = top.First(c => c["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture) == commentId);
            var replies = parent["replies"]?.AsArray().Select(r => r!.DeepClone()).ToList() ?? [];
            total = replies.Count;
            items = [.. replies.Skip(offset).Take(count)];
        }
        else
        {
            total = top.Count;
            items = [.. top.Skip(offset).Take(count).Select(c =>
            {
                var copy = c.DeepClone().AsObject();
                var replies = copy["replies"]?.AsArray().Count ?? 0;
                copy.Remove("replies");
                copy["thread"] = new JsonObject { ["count"] = replies, ["items"] = new JsonArray() };
                return (JsonNode)copy;
            })];
        }

        return LoopbackResponse.Json(new JsonObject
        {
            ["response"] = new JsonObject { ["count"] = total, ["current_level_count"] = total, ["items"] = new JsonArray([.. items]), ["profiles"] = new JsonArray() },
        }.ToJsonString());
    }

    private LoopbackResponse GroupsGetById(string ids)
    {
        var groups = new JsonArray();
        foreach (var name in ids.Split(','))
        {
            if (Groups.TryGetValue(name, out var id))
            {
                groups.Add(new JsonObject { ["id"] = id, ["name"] = name, ["screen_name"] = name });
            }
        }

        return groups.Count == 0
            ? LoopbackResponse.Json(Error(100, "groups.getById"))
            : LoopbackResponse.Json(new JsonObject { ["response"] = new JsonObject { ["groups"] = groups, ["profiles"] = new JsonArray() } }.ToJsonString());
    }

    private LoopbackResponse Search(IReadOnlyDictionary<string, string> p)
    {
        var startTime = long.Parse(p["start_time"], CultureInfo.InvariantCulture);
        var endTime = p.TryGetValue("end_time", out var end) ? long.Parse(end, CultureInfo.InvariantCulture) : long.MaxValue;
        var matching = SearchResults
            .Where(r => r["date"]!.GetValue<long>() >= startTime && r["date"]!.GetValue<long>() <= endTime)
            .OrderByDescending(r => r["date"]!.GetValue<long>())
            .ToList();
        var offset = p.TryGetValue("start_from", out var from) ? int.Parse(from, CultureInfo.InvariantCulture) : 0;
        var page = matching.Skip(offset).Take(SearchPageSize).ToList();
        var response = new JsonObject
        {
            ["items"] = new JsonArray([.. page.Select(n => n.DeepClone())]),
            ["count"] = matching.Count,
            ["total_count"] = matching.Count,
        };
        if (offset + page.Count < matching.Count)
        {
            response["next_from"] = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return LoopbackResponse.Json(new JsonObject { ["response"] = response }.ToJsonString());
    }

    [GeneratedRegex("""API\.wall\.get\(\{"owner_id":(?<owner>-?\d+),"offset":(?<offset>\d+),"count":(?<count>\d+)""")]
    private static partial Regex WallCall();
}
