using Mcu.Monitor.Domain;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.Sources;

public class OfficialAccountsTests
{
    private static readonly OfficialAccounts Accounts = new(
    [
        new OfficialAccountOptions { Network = "vk", Owner = "-213456789", Name = "Администрация" },
        new OfficialAccountOptions { Network = "telegram", Owner = "Alekseevka_Adm", Name = "Канал администрации" },
    ]);

    [Fact]
    public void NameOf_CommunityPostingAsItself_IsOfficial() =>
        Assert.Equal("Администрация", Accounts.NameOf(Post("vk", "-213456789", author: "-213456789")));

    [Fact]
    public void NameOf_OfficialReplyOnAnotherWall_IsOfficial() =>
        Assert.Equal("Администрация", Accounts.NameOf(Post("vk", "-201234567", author: "-213456789", PostKind.Comment)));

    [Fact]
    public void NameOf_ResidentCommentUnderOfficialPost_IsNotOfficial() =>
        Assert.Null(Accounts.NameOf(Post("vk", "-213456789", author: "id12345", PostKind.Comment)));

    [Fact]
    public void NameOf_ChannelPostWithoutAuthor_IsOfficialCaseInsensitive() =>
        Assert.Equal("Канал администрации", Accounts.NameOf(Post("telegram", "alekseevka_adm", author: null)));

    [Fact]
    public void NameOf_SameIdOnAnotherNetwork_IsNotOfficial() =>
        Assert.Null(Accounts.NameOf(Post("ok", "-213456789", author: "-213456789")));

    [Fact]
    public async Task Pipeline_OfficialComplaintLikeText_IsStoredButOpensNoIncident()
    {
        using var store = new TestStore();
        var pipeline = new Mcu.Monitor.Pipeline.IngestPipeline(
            store.Store,
            new Mcu.Monitor.Classification.LexiconClassifier(TestConfiguration.Classification()),
            new Mcu.Monitor.Localities.LocalityDetector(TestConfiguration.Territory()),
            new Mcu.Monitor.Incidents.IncidentPlanner(new Mcu.Monitor.Incidents.IncidentOptions(), new Mcu.Monitor.Routing.Router(TestConfiguration.Routing())),
            new Mcu.Monitor.Pipeline.PipelineOptions(),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Mcu.Monitor.Pipeline.IngestPipeline>.Instance,
            Accounts);
        var answer = Post("vk", "-201234567", author: "-213456789", PostKind.Comment) with
        {
            Text = "Добрый день! Отключение горячей воды на ул. Слободской связано с аварией, сроки устранения — до вечера.",
        };

        var summary = await pipeline.RunAsync("file:test", TestPipeline.Items([answer]), CancellationToken.None);

        Assert.Equal((1, 0), (summary.Stored, summary.IncidentsOpened));
        Assert.Equal(1, store.Count("SELECT COUNT(*) FROM classifications WHERE is_appeal = 0 AND reasons LIKE '%официальный аккаунт%'"));
    }

    private static Post Post(string network, string owner, string? author, PostKind kind = PostKind.Post)
    {
        Assert.True(NetworkNames.TryParse(network, out var n));
        return TestPosts.Post("1", kind: kind, parentId: kind == PostKind.Comment ? "0" : null) with { Key = new PostKey(n, owner, "1"), AuthorId = author };
    }
}
