using System.ComponentModel.DataAnnotations;
using Mcu.Monitor.Answers;
using Mcu.Monitor.Text;
using Microsoft.Extensions.Configuration;

namespace Mcu.Monitor.Tests.Answers;

public class AnswerRubricOptionsTests
{
    public static TheoryData<string> Sections() => new()
    {
        AnswerRubricOptions.SectionName, OfficialAnswerOptions.SectionName, ResidentReplyOptions.SectionName,
    };

    [Fact]
    public void ShippedJson_Rubric_PassesValidationAndBonusesAddUpTo100()
    {
        var options = AnswerTestSetup.RubricOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(100, options.ActionPoints + options.DeadlinePoints + options.EvidencePoints + options.AddressedPoints);
        Assert.Contains("photo", options.EvidenceAttachmentTypes);
        Assert.Contains("в ближайшее время", options.VagueDeadlineTerms);
    }

    [Fact]
    public void ShippedJson_DetectionAndReplies_PassValidation()
    {
        Assert.Empty(Validate(AnswerTestSetup.DetectionOptions()));
        Assert.Empty(Validate(AnswerTestSetup.ResidentReplyOptions()));
        Assert.Contains("добрый день", AnswerTestSetup.DetectionOptions().Greetings);
        Assert.Contains("отписка", AnswerTestSetup.ResidentReplyOptions().NothingDone);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void ShippedJson_EverySection_IsPresent(string section)
    {
        Assert.True(AnswerTestSetup.Configuration.GetSection(section).Exists(), section);
    }

    [Fact]
    public void ShippedJson_NoListRepeatsATermInAnotherInflection()
    {
        // Two entries with the same stems would match together and be quoted twice in every reason.
        var rubric = AnswerTestSetup.RubricOptions();
        var replies = AnswerTestSetup.ResidentReplyOptions();
        List<string>[] lists =
        [
            rubric.Actions, rubric.CompletedWork, rubric.DeadlineTerms, rubric.VagueDeadlineTerms, rubric.EvidenceTerms,
            rubric.FormalFormulas, rubric.LegalTerms, rubric.ExplanationTerms, rubric.ImpossibilityTerms,
            AnswerTestSetup.DetectionOptions().Greetings, replies.NothingDone, replies.Thanks, replies.DoneWords,
        ];

        foreach (var list in lists)
        {
            var repeated = list.GroupBy(StemKey).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g)).ToList();
            Assert.True(repeated.Count == 0, string.Join("; ", repeated));
        }
    }

    [Fact]
    public void EmptyOptions_FailValidation_OnTheTermLists()
    {
        var problems = Validate(new AnswerRubricOptions()).SelectMany(r => r.MemberNames).ToList();

        Assert.Contains(nameof(AnswerRubricOptions.Actions), problems);
        Assert.Contains(nameof(AnswerRubricOptions.CompletedWork), problems);
        Assert.Contains(nameof(AnswerRubricOptions.FormalFormulas), problems);
        Assert.Contains(nameof(ResidentReplyOptions.NothingDone), Validate(new ResidentReplyOptions()).SelectMany(r => r.MemberNames));
    }

    private static string StemKey(string term) =>
        string.Join(' ', Tokenizer.Tokenize(TextNormalizer.FoldCase(term)).Select(t => t.Stem)) + (term.EndsWith('*') ? "*" : "");

    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
