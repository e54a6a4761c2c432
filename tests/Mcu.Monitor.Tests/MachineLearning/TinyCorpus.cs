using Mcu.Monitor.Classification;
using Mcu.Monitor.Classification.Models;
using Mcu.Monitor.MachineLearning;
using Mcu.Monitor.Tests.TestSupport;

namespace Mcu.Monitor.Tests.MachineLearning;

/// <summary>
/// A hand-written corpus of 42 short texts (six per sector) and a model folder trained from it once per test run
/// with one trainer and two folds, so the tests exercise real ML.NET training, saving and loading in seconds.
/// </summary>
public static class TinyCorpus
{
    public static readonly IReadOnlyList<string> Sectors = ["zhkh", "tko", "social", "education", "roads", "transport", "other"];

    public static readonly IReadOnlyList<LabelledText> Texts =
    [
        T("нет горячей воды третий день, управляющая компания молчит", "zhkh", 1, 1, 0),
        T("батареи холодные в квартире, отопление не дали", "zhkh", 1, 1, 0),
        T("течет крыша в подъезде, потолок мокрый", "zhkh", 1, 1, 0),
        T("лифт опять сломался, бабушка не может спуститься", "zhkh", 1, 1, 0),
        T("спасибо управляющей компании за ремонт подъезда", "zhkh", 0, 0, 0),
        T("счетчики воды поверка когда проходит", "zhkh", 1, 0, 0),
        T("мусор не вывозят неделю, контейнеры переполнены", "tko", 1, 1, 0),
        T("свалка за гаражами растет, воняет", "tko", 1, 1, 0),
        T("контейнерная площадка вся в мусоре, региональный оператор где", "tko", 1, 1, 0),
        T("вывезли мусор быстро, спасибо", "tko", 0, 0, 0),
        T("график вывоза тко на праздники", "tko", 0, 0, 0),
        T("крупногабаритный мусор у дома лежит месяц, бардак", "tko", 1, 1, 1),
        T("не пришла пенсия за этот месяц, куда обращаться", "social", 1, 1, 0),
        T("как оформить пособие многодетной семье", "social", 1, 0, 0),
        T("инвалиду отказали в компенсации, помогите", "social", 1, 1, 0),
        T("соцзащита не отвечает на звонки, издевательство", "social", 1, 1, 1),
        T("выплаты семьям мобилизованных начислены", "social", 0, 0, 0),
        T("ветеранам вручили подарки, спасибо соцработникам", "social", 0, 0, 0),
        T("в детском саду нет мест, очередь не движется", "education", 1, 1, 0),
        T("в школе холодно, дети сидят в куртках", "education", 1, 1, 0),
        T("учитель математики уволился, замены нет", "education", 1, 1, 0),
        T("школьный автобус не довез детей до школы", "education", 1, 1, 0),
        T("выпускной в школе прошел отлично", "education", 0, 0, 0),
        T("запись в кружки дополнительного образования открыта", "education", 0, 0, 0),
        T("яма на дороге у магазина, колесо пробил", "roads", 1, 1, 0),
        T("дорогу не чистят от снега, гололед", "roads", 1, 1, 0),
        T("на улице не горят фонари, темно вечером", "roads", 1, 1, 0),
        T("светофор на перекрестке не работает", "roads", 1, 1, 0),
        T("асфальт положили новый на центральной улице, спасибо", "roads", 0, 0, 0),
        T("тротуар разбит, мамы с колясками идут по дороге, дебилы в администрации", "roads", 1, 1, 1),
        T("автобус не пришел утром, ждали час на остановке", "transport", 1, 1, 0),
        T("водитель маршрутки грубит пассажирам", "transport", 1, 1, 1),
        T("изменилось расписание автобусов до райцентра", "transport", 0, 0, 0),
        T("подорожал проезд в автобусе, безобразие", "transport", 1, 1, 0),
        T("на остановке нет навеса, мокнем под дождем", "transport", 1, 1, 0),
        T("новый маршрут автобуса запустили, удобно", "transport", 0, 0, 0),
        T("в поликлинике нет талонов к врачу", "other", 1, 1, 0),
        T("бродячие собаки бегают стаей у школы", "other", 1, 1, 0),
        T("концерт в доме культуры был прекрасный", "other", 0, 0, 0),
        T("продам гараж недорого", "other", 0, 0, 0),
        T("поздравляем всех с праздником", "other", 0, 0, 0),
        T("ненавижу понедельники, все бесит, идиоты кругом", "other", 0, 1, 1),
    ];

    private static readonly Lazy<string> Trained = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("mcu-models-").FullName;
        Train(directory, seed: 42);
        return directory;
    });

    private static readonly Lazy<string> TrainedNaiveBayes = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("mcu-models-nb-").FullName;
        Train(directory, seed: 42, NaiveBayesTrainers);
        return directory;
    });

    /// <summary>The NB-weighted candidates (weights folded into the saved zips), for the tests that train them.</summary>
    public static readonly IReadOnlyCollection<string> NaiveBayesTrainers = ["NbOneVersusRest(L1=0.05,L2=0.05)", "NbLogisticRegression(L1=0.05,L2=0.05)"];

    /// <summary>The folder of a model set trained on <see cref="Texts"/> (seed 42), shared by the tests.</summary>
    public static string ModelDirectory => Trained.Value;

    /// <summary>Like <see cref="ModelDirectory"/>, with the NB-weighted trainers.</summary>
    public static string NaiveBayesModelDirectory => TrainedNaiveBayes.Value;

    public static LexiconClassifier Lexicon() => new(TestConfiguration.Classification());

    public static ModelTrainer Trainer(int seed, int crossGenreMinimum = 100, IReadOnlyCollection<string>? trainers = null) => new(Lexicon(), TextWriter.Null)
    {
        Seed = seed,
        CrossGenreMinimum = crossGenreMinimum,
        Folds = 2,
        OnlyTrainers = trainers ?? ["SdcaMaximumEntropy", "SdcaLogisticRegression"],
        Settings = new FeaturizerSettings { MinDocumentFrequency = 1, SentimentLexicon = true, ToneLexicon = true },
    };

    public static (ModelTrainer.Result Result, ModelCard Card) Train(string directory, int seed, IReadOnlyCollection<string>? trainers = null)
    {
        var trainer = Trainer(seed, trainers: trainers);
        var result = trainer.Train(Texts, Sectors);
        var data = new TrainingData();
        data.Texts.AddRange(Texts);
        var card = ModelPublisher.Save(result, directory, data, trainer.Lexicon, trainer, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        return (result, card);
    }

    private static LabelledText T(string text, string sector, int appeal, int negative, int inappropriate) => new(text)
    {
        Sector = sector,
        Appeal = appeal == 1,
        Negative = negative == 1,
        Inappropriate = inappropriate == 1,
    };
}
