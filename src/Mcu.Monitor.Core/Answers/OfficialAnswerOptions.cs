using System.ComponentModel.DataAnnotations;

namespace Mcu.Monitor.Answers;

/// <summary>What an official comment needs to count as an answer (section <c>Answers:Detection</c>, <c>answers.json</c>).</summary>
public sealed class OfficialAnswerOptions
{
    public const string SectionName = "Answers:Detection";

    /// <summary>
    /// The least number of words (of two letters or more) besides greetings, mentions and the resident's name.
    /// Default 2: «👍», «.», «Добрый день, Мария!» are not answers; «Передано в работу» is (a formal one).
    /// </summary>
    [Range(1, 50)]
    public int MinMeaningfulWords { get; set; } = 2;

    /// <summary>Greetings and politeness that say nothing on their own («добрый день», «здравствуйте», «спасибо за обращение»).</summary>
    public List<string> Greetings { get; set; } = [];
}
