using Mcu.Monitor.Sources.Telegram;
using static Mcu.Monitor.Tests.Sources.Telegram.TelegramTestData;

namespace Mcu.Monitor.Tests.Sources.Telegram;

/// <summary>PLATFORM-APIS.md §4 cases 30, 31, 33 and 5 (entities) against the tchan fixtures (§3.7 table).</summary>
public class TelegramWebPageParserTests
{
    [Fact]
    public void Parse_EditedWithLink_AsRecordedInTheSideCar()
    {
        var message = Assert.Single(TelegramWebPageParser.Parse(Fragment("message.text.edited-with-link.html"), "tchantest").Messages);

        Assert.Equal(24, message.Id);
        Assert.Equal("text", message.Type);
        Assert.True(message.Edited);
        Assert.Equal(2, message.Views);
        Assert.Equal("This is a message with a link\nhttps://brasil.io/", message.Text);
        Assert.Equal(DateTimeOffset.Parse("2023-02-24T07:48:02+00:00", System.Globalization.CultureInfo.InvariantCulture), message.PublishedAt);
        Assert.Equal(TimeSpan.Zero, message.PublishedAt.Offset);
        Assert.Null(message.LinkPreview);
        // &#39; and the emoji's <b> character.
        Assert.Equal("tchan's test channel 👍", message.AuthorName);
    }

    [Fact]
    public void Parse_LinkPreview_AsRecordedInTheSideCar()
    {
        var message = Assert.Single(TelegramWebPageParser.Parse(Fragment("message.text.link-preview.html"), "tchantest").Messages);

        Assert.Equal(94, message.Id);
        Assert.Equal("text", message.Type);
        Assert.False(message.Edited);
        Assert.Equal(1, message.Views);
        Assert.Equal(["link"], message.Attachments);
        var preview = message.LinkPreview!;
        Assert.Equal("Agência Brasil", preview.SiteName);
        Assert.Equal("Operação Guardiões do Bioma apreende 23,9 toneladas de minério", preview.Title);
        Assert.StartsWith("Ação contra o garimpo ilegal em Terra Indígena Yanomami", preview.Description, StringComparison.Ordinal);
        Assert.StartsWith("https://cdn4.telegram-cdn.org/file/C2HB_", preview.ImageUrl, StringComparison.Ordinal);
        Assert.StartsWith("https://agenciabrasil.ebc.com.br/justica/noticia/2022-08/", preview.Url, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse("2023-02-24T13:47:38+00:00", System.Globalization.CultureInfo.InvariantCulture), message.PublishedAt);
    }

    [Fact]
    public void Parse_LocationWithoutTextDiv_MediaOnlyPost()
    {
        var message = Assert.Single(TelegramWebPageParser.Parse(Fragment("message.location.no-text.html"), "tchantest").Messages);

        Assert.Equal(10, message.Id);
        Assert.Equal("location", message.Type);
        Assert.Equal("", message.Text);
        Assert.Equal(["location"], message.Attachments);
        Assert.Equal(2, message.Views);
    }

    [Fact]
    public void Parse_ServiceMessage_NoViewsAndItsText()
    {
        var message = Assert.Single(TelegramWebPageParser.Parse(Fragment("message.service.channel-created.html"), "tchantest").Messages);

        Assert.Equal(1, message.Id);
        Assert.True(message.IsService);
        Assert.Equal("service", message.Type);
        Assert.Null(message.Views);
        Assert.Equal("Channel created", message.Text);
    }

    [Fact]
    public void Parse_ChannelInfoFragment_AsRecordedInTheSideCar()
    {
        var page = TelegramWebPageParser.Parse(Fragment("channel-info.fragment.html"), "tchantest");

        Assert.Empty(page.Messages);
        var info = page.Channel!;
        Assert.Equal("tchantest", info.Username);
        Assert.Equal("tchan's test channel 👍", info.Title);
        Assert.Equal("Test channel for tchan Python library/CLI", info.Description);
        Assert.Equal(1, info.Subscribers);
        Assert.Equal(3, info.Photos);
        Assert.Equal(2, info.Videos);
        Assert.Equal(4, info.Links);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("1.2K", 1_200)]
    [InlineData("4.85K", 4_850)]
    [InlineData("12.3K", 12_300)]
    [InlineData("1.2M", 1_200_000)]
    [InlineData(" 987 ", 987)]
    [InlineData("99999M", int.MaxValue)]
    [InlineData("792281625142643375935439504M", int.MaxValue)] // times 1 000 000 overflows decimal
    [InlineData("792281625142643375935439504K", int.MaxValue)]
    [InlineData("79228162514264337593543950335", int.MaxValue)] // decimal.MaxValue
    [InlineData("792281625142643375935439503350000", null)] // above decimal.MaxValue: not a number
    [InlineData("2147483647.4", int.MaxValue)]
    [InlineData("2147483646.4", 2_147_483_646)]
    [InlineData("2147.483647K", 2_147_484)]
    [InlineData("", null)]
    [InlineData("views", null)]
    [InlineData("1.2.3K", null)]
    public void Views_SuffixesKAndM(string text, int? expected) => Assert.Equal(expected, TelegramWebPageParser.Views(text));

    [Fact]
    public void Parse_ViewsThatOverflowDecimal_ClampedAndTheMessageKept()
    {
        var html = Page(null, SyntheticMessage("tchantest/7", "2026-11-20T05:15:00+00:00", "Текст", "792281625142643375935439504M"));

        var message = Assert.Single(TelegramWebPageParser.Parse(html, "tchantest").Messages);

        Assert.Equal(int.MaxValue, message.Views);
    }

    [Fact]
    public void Parse_PageOfManyMessages_AscendingAsOnThePageWithThePreviousLink()
    {
        var html = Page(10, Fragment("message.location.no-text.html"), Fragment("message.text.edited-with-link.html"), Fragment("message.text.link-preview.html"));

        var page = TelegramWebPageParser.Parse(html, "TchanTest");

        Assert.Equal([10L, 24, 94], page.Messages.Select(m => m.Id));
        Assert.Equal(10, page.PreviousBefore);
        Assert.Empty(page.Skipped);
    }

    [Fact]
    public void Parse_EntitiesNbspBreaksEmojiAndKViews()
    {
        var html = SyntheticMessage(
            "tchantest/200",
            "2026-11-20T05:15:00+00:00",
            "Яма&nbsp;на&nbsp;ул.&nbsp;Победы &amp; Мостовой<br/>жители&#39;s <b>жалоба</b> <i class=\"emoji\" style=\"background-image:url('//telegram.org/img/emoji/40/F09F98A1.png')\"><b>😡</b></i><br><br><a href=\"https://example.org/\">ссылка</a>",
            "4.85K");

        var message = Assert.Single(TelegramWebPageParser.Parse(html, "tchantest").Messages);

        Assert.Equal("Яма на ул. Победы & Мостовой\nжители's жалоба 😡\nссылка", message.Text);
        Assert.Equal(4_850, message.Views);
        Assert.Equal("Администрация & жители", message.AuthorName);
        Assert.False(message.Edited);
    }

    [Fact]
    public void Parse_ForwardSignatureReplyAndPhoto()
    {
        var inner = """
            <div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <a class="tgme_widget_message_forwarded_from_name" href="https://t.me/belgorod_news/5120"><span dir="auto">Белгород</span></a></div>
            <a class="tgme_widget_message_reply" href="https://t.me/tchantest/199"><div class="tgme_widget_message_text js-message_reply_text">текст ответа</div></a>
            <a class="tgme_widget_message_photo_wrap" href="https://t.me/tchantest/201" style="width:800px;background-image:url('https://cdn4.telegram-cdn.org/file/x.jpg')"></a>
            """;
        var html = SyntheticMessage("tchantest/201", "2026-11-20T05:15:00+00:00", "Подпись к фото", "1.2M", inner, "<span class=\"tgme_widget_message_from_author\">Иван&nbsp;П.</span>");

        var message = Assert.Single(TelegramWebPageParser.Parse(html, "tchantest").Messages);

        Assert.Equal("Подпись к фото", message.Text);
        Assert.Equal("https://t.me/belgorod_news/5120", message.ForwardedFromUrl);
        Assert.Equal(199, message.ReplyToId);
        Assert.Equal("Иван П.", message.Signature);
        Assert.Equal("photo", message.Type);
        Assert.Equal(["photo"], message.Attachments);
        Assert.Equal(1_200_000, message.Views);
    }

    [Fact]
    public void Parse_AnotherChannelsDataPostOrNoTime_SkippedWithAReason()
    {
        var html = Page(
            null,
            SyntheticMessage("otherchannel/77", "2026-11-20T05:15:00+00:00", "чужой", "5"),
            SyntheticMessage("tchantest/78", null, "без времени", "5"),
            SyntheticMessage("tchantest/abc", "2026-11-20T05:15:00+00:00", "плохой id", "5"),
            SyntheticMessage("tchantest/79", "not a date", "плохая дата", "5"),
            SyntheticMessage("tchantest/80", "2026-11-20T05:15:00+00:00", "хороший", "5"));

        var page = TelegramWebPageParser.Parse(html, "tchantest");

        Assert.Equal([80L], page.Messages.Select(m => m.Id));
        Assert.Equal(
            ["otherchannel/77: data-post names another channel", "tchantest/78: no publication time", "tchantest/abc: data-post is not <channel>/<id>", "tchantest/79: no publication time"],
            page.Skipped.Select(s => $"{s.DataPost}: {s.Reason}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not html at all")]
    [InlineData("<html><body><h1>Channel not found</h1></body></html>")]
    [InlineData("{\"ok\":true}")]
    public void Parse_NoMessages_EmptyPage(string html)
    {
        var page = TelegramWebPageParser.Parse(html, "tchantest");

        Assert.Empty(page.Messages);
        Assert.Null(page.PreviousBefore);
    }
}
