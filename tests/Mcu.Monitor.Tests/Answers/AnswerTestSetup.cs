using Mcu.Monitor.Answers;
using Mcu.Monitor.Sources;
using Mcu.Monitor.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace Mcu.Monitor.Tests.Answers;

/// <summary>
/// The shipped <c>src/Mcu.Monitor/answers.json</c>, bound as the host will bind it. Read from the repository (not the
/// test output) because the file is not yet wired into the host's build and configuration.
/// </summary>
public static class AnswerTestSetup
{
    private static readonly Lazy<IConfiguration> Shipped = new(() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(TestConfiguration.RepositoryRoot(), "src", "Mcu.Monitor", "answers.json"), optional: false)
        .Build());

    public static IConfiguration Configuration => Shipped.Value;

    public static AnswerRubricOptions RubricOptions() => Bind<AnswerRubricOptions>(AnswerRubricOptions.SectionName);

    public static OfficialAnswerOptions DetectionOptions() => Bind<OfficialAnswerOptions>(OfficialAnswerOptions.SectionName);

    public static ResidentReplyOptions ResidentReplyOptions() => Bind<ResidentReplyOptions>(Monitor.Answers.ResidentReplyOptions.SectionName);

    public static AnswerRubric Rubric() => new(RubricOptions());

    public static OfficialAnswerDetector Detector(OfficialAccounts? accounts = null) =>
        new(DetectionOptions(), Rubric(), accounts ?? OfficialAccounts.None);

    public static ResidentReplyClassifier Replies() => new(ResidentReplyOptions());

    private static T Bind<T>(string section) where T : new() => Configuration.GetSection(section).Get<T>() ?? new T();
}
