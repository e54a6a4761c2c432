using Mcu.Monitor.Answers;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Mcu.Monitor.Tests.Answers;

/// <summary>The shipped <c>answers.json</c> (copied beside the tests), bound as the host binds it.</summary>
public static class AnswerTestSetup
{
    public static IConfiguration Configuration => TestConfiguration.Configuration;

    public static AnswerRubricOptions RubricOptions() => Bind<AnswerRubricOptions>(AnswerRubricOptions.SectionName);

    public static OfficialAnswerOptions DetectionOptions() => Bind<OfficialAnswerOptions>(OfficialAnswerOptions.SectionName);

    public static ResidentReplyOptions ResidentReplyOptions() => Bind<ResidentReplyOptions>(Monitor.Answers.ResidentReplyOptions.SectionName);

    public static AnswerRubric Rubric() => new(RubricOptions());

    public static OfficialAnswerDetector Detector(OfficialAccounts? accounts = null) =>
        new(DetectionOptions(), Rubric(), accounts ?? OfficialAccounts.None);

    public static ResidentReplyClassifier Replies() => new(ResidentReplyOptions());

    private static T Bind<T>(string section) where T : new() => Configuration.GetSection(section).Get<T>() ?? new T();
}
