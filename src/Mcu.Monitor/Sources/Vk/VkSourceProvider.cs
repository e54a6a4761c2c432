using Mcu.Monitor.Alerts;
using Mcu.Monitor.Municipalities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// The VK sources as configured: <c>vk:walls</c> and <c>vk:comments</c> when communities are set, <c>vk:search</c>
/// when queries are. With neither nothing is created, and the client (which needs the token) is never built.
/// </summary>
internal sealed class VkSourceProvider(IOptions<VkOptions> options, IServiceProvider services) : ISourceProvider
{
    public const string WallsId = "vk:walls";
    public const string CommentsId = "vk:comments";
    public const string SearchId = "vk:search";

    public IEnumerable<SourceDefinition> Sources()
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            yield break;
        }

        if (o.Communities.Count > 0)
        {
            var communities = string.Join(", ", o.Communities);
            yield return new SourceDefinition(WallsId, o.PollInterval, () => new VkWallSource(
                WallsId, o, services.GetRequiredService<VkCommunityResolver>(), Reader(), Mapper(WallsId), Logger<VkWallSource>()))
            {
                Type = "vk",
                Address = communities,
                DisplayName = $"VK: стены сообществ ({o.Communities.Count})",
            };
            if (o.ReadComments)
            {
                yield return new SourceDefinition(CommentsId, o.CommentsPollInterval, () => new VkCommentsSource(
                    CommentsId, o, services.GetRequiredService<VkApiClient>(), services.GetRequiredService<VkCommunityResolver>(),
                    Reader(), Mapper(CommentsId), services.GetRequiredService<TimeProvider>(), Logger<VkCommentsSource>()))
                {
                    Type = "vk",
                    Address = communities,
                    DisplayName = $"VK: комментарии ({o.Communities.Count} сообществ)",
                };
            }
        }

        if (o.Queries.Count > 0)
        {
            yield return new SourceDefinition(SearchId, o.SearchPollInterval, () => new VkSearchSource(
                SearchId, o, services.GetRequiredService<VkApiClient>(), Mapper(SearchId), services.GetRequiredService<TimeProvider>(), Logger<VkSearchSource>()))
            {
                Type = "vk",
                Address = "newsfeed.search: " + string.Join(", ", o.Queries),
                DisplayName = $"VK: поиск ({o.Queries.Count} запросов)",
            };
        }
    }

    private VkWallReader Reader() => new(
        services.GetRequiredService<VkApiClient>(), options.Value, services.GetRequiredService<IOperatorAlerts>(),
        services.GetRequiredService<VkUnavailableCommunities>(), services.GetRequiredService<TimeProvider>(), Logger<VkWallReader>());

    private VkPostMapper Mapper(string sourceId) => new(services.GetRequiredService<IOptions<MunicipalityOptions>>().Value.Id, sourceId);

    private ILogger<T> Logger<T>() => services.GetRequiredService<ILogger<T>>();
}
