using Mcu.Monitor.Text;

namespace Mcu.Monitor.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("a\u0000b", "ab")]
    [InlineData("a\u0007b", "ab")]
    [InlineData("a\u001b[0mb", "a[0mb")]
    public void ForStorage_ControlCharacters_Removed(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.ForStorage(input));
    }

    [Theory]
    [InlineData("one\r\ntwo", "one\ntwo")]
    [InlineData("one\rtwo", "one\ntwo")]
    [InlineData("one\r\rtwo", "one\n\ntwo")]
    [InlineData("one\ntwo", "one\ntwo")]
    public void ForStorage_LineBreaks_BecomeLineFeed(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.ForStorage(input));
    }

    [Fact]
    public void ForStorage_Tab_Kept()
    {
        Assert.Equal("a\tb", TextNormalizer.ForStorage("a\tb"));
    }

    [Theory]
    [InlineData("Спасибо 👍")]
    [InlineData("Семья 👨‍👩‍👧 дома")]
    [InlineData("Флаг 🇷🇺")]
    public void ForStorage_Emoji_KeptIntact(string input)
    {
        Assert.Equal(input, TextNormalizer.ForStorage(input));
    }

    [Fact]
    public void ForStorage_ZwjSequence_KeepsJoiners()
    {
        var result = TextNormalizer.ForStorage("👨\u200D👩\u200D👧");

        Assert.Equal("👨\u200D👩\u200D👧", result);
        Assert.Equal(2, result.Count(c => c == '\u200D'));
    }

    // The surrogate is passed as a code: attribute and serialized theory arguments cannot carry a lone
    // surrogate (they arrive as U+FFFD), so the input is built inside the test.
    [Theory]
    [InlineData("a", 0xD83D, "b")]
    [InlineData("a", 0xDC4D, "b")]
    [InlineData("ab", 0xD83D, "")]
    [InlineData("", 0xDC4D, "ab")]
    public void ForStorage_UnpairedSurrogate_Removed(string before, int surrogate, string after)
    {
        var input = before + (char)surrogate + after;
        Assert.True(char.IsSurrogate(input, before.Length));

        Assert.Equal("ab", TextNormalizer.ForStorage(input));
    }

    [Fact]
    public void ForStorage_ReversedSurrogatePair_Removed()
    {
        var input = "a" + '\uDC4D' + '\uD83D' + "b";

        Assert.Equal("ab", TextNormalizer.ForStorage(input));
    }

    [Fact]
    public void ForStorage_PairedAndUnpairedSurrogates_KeepsPairOnly()
    {
        var input = "x" + '\uD83D' + "👍" + '\uDC4D';

        Assert.Equal("x👍", TextNormalizer.ForStorage(input));
    }

    [Fact]
    public void ForStorage_NonBreakingSpace_BecomesSpace()
    {
        Assert.Equal("10 000 руб", TextNormalizer.ForStorage("10\u00A0000\u00A0руб"));
    }

    [Fact]
    public void ForStorage_Bom_Removed()
    {
        Assert.Equal("Текст", TextNormalizer.ForStorage("\uFEFFТекст"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0007")]
    public void ForStorage_NullOrEmpty_ReturnsEmpty(string? input)
    {
        Assert.Equal("", TextNormalizer.ForStorage(input));
    }

    [Fact]
    public void ForStorage_SurroundingWhitespace_Trimmed()
    {
        Assert.Equal("Нет воды\nс утра", TextNormalizer.ForStorage("  \r\n\u00A0Нет воды\r\nс утра \t\n "));
    }

    [Fact]
    public void ForStorage_CaseAndPunctuation_Kept()
    {
        Assert.Equal("Ёлка, ЖКХ!", TextNormalizer.ForStorage("Ёлка, ЖКХ!"));
    }

    [Fact]
    public void ForMatching_Text_LowerCasedWithYoFolded()
    {
        Assert.Equal("еще нет света в ельнике", TextNormalizer.ForMatching("ЕЩЁ нет Света в Ёльнике"));
    }

    [Theory]
    [InlineData("смотрите http://example.com/a?b=1 тут")]
    [InlineData("смотрите https://vk.com/wall-1_2 тут")]
    [InlineData("смотрите www.example.ru тут")]
    [InlineData("смотрите HTTPS://EXAMPLE.COM тут")]
    public void ForMatching_Urls_Removed(string input)
    {
        var result = TextNormalizer.ForMatching(input);

        Assert.DoesNotContain("example", result);
        Assert.DoesNotContain("vk.com", result);
        Assert.DoesNotContain("http", result);
        Assert.DoesNotContain("www", result);
        Assert.StartsWith("смотрите", result);
        Assert.EndsWith("тут", result);
    }

    [Fact]
    public void ForMatching_AtMention_Removed()
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForMatching("@admin_group помогите"));

        Assert.Equal(["помогите"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void ForModel_EmailAddress_IsStripped()
    {
        var text = TextNormalizer.ForModel("Пишите на Ivan.Petrov@mail.ru, ответим");
        Assert.DoesNotContain("mail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("petrov", text, StringComparison.Ordinal);
        Assert.Contains("пишите", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("УЖАААААС просто", "ужас просто")]
    [InlineData("нееет, ну почемууу((", "нет, ну почему((")]
    [InlineData("ааа, дааа", "ааа, да")]
    [InlineData("ванна и касса", "ванна и касса")]
    [InlineData("ООО «УК» и СССР, ммммм", "ооо «ук» и ссср, ммммм")]
    [InlineData("III квартал, zzz", "iii квартал, zzz")]
    [InlineData("!!!))) 111", "!!!))) 111")]
    public void ForModel_StretchedCyrillicLetters_Squeezed(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.ForModel(input));
    }

    [Fact]
    public void SqueezeStretchedLetters_NothingStretched_ReturnsSameInstance()
    {
        var text = "обычный текст без растяжек";
        Assert.Same(text, TextNormalizer.SqueezeStretchedLetters(text));
    }

    [Fact]
    public void ForMatching_EmailAddress_NotTreatedAsMention()
    {
        Assert.Contains("mail.ru", TextNormalizer.ForMatching("user@mail.ru"));
    }

    [Theory]
    [InlineData("[id123|Иван] спасибо", "иван")]
    [InlineData("[club45|Администрация Алексеевки] ответьте", "администрация")]
    public void ForMatching_VkMention_KeepsVisibleName(string input, string expectedWord)
    {
        var tokens = Tokenizer.Tokenize(TextNormalizer.ForMatching(input)).Select(t => t.Surface).ToList();

        Assert.Contains(expectedWord, tokens);
        Assert.DoesNotContain(tokens, t => t.Contains("id123", StringComparison.Ordinal) || t.Contains("club45", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ЁЖИК", "ежик")]
    [InlineData("Мусор", "мусор")]
    [InlineData("ёлка", "елка")]
    [InlineData("ABC", "abc")]
    public void FoldCase_Text_LowerCaseWithYoAsYe(string input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.FoldCase(input));
    }
}
