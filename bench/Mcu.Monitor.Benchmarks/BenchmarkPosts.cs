namespace Mcu.Monitor.Benchmarks;

/// <summary>Generated posts of about 200 characters from fragments in the voice of a town's VK community (seeded).</summary>
public static class BenchmarkPosts
{
    private static readonly string[] Fragments =
    [
        "опять нет горячей воды в доме на Слободской", "управляющая компания трубку не берет", "когда уже отремонтируют дорогу",
        "яма у магазина третью неделю", "мусор не вывозят, контейнеры переполнены", "автобус до Иловки опять не пришел",
        "в детском саду холодно, дети болеют", "спасибо коммунальщикам за быструю работу", "фонари на улице не горят",
        "пенсию задержали, куда обращаться?", "продам гараж недорого", "на остановке нет расписания",
        "сколько можно терпеть это безобразие!", "пишем в прокуратуру и губернатору", "концерт в доме культуры понравился",
        "снег не чистят, тротуары скользкие", "батареи еле теплые 😡", "собаки бродячие у школы пугают детей",
    ];

    public static string[] Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        var posts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var text = new System.Text.StringBuilder(220);
            while (text.Length < 200)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]).Append(". ");
            }

            posts[i] = text.ToString(0, 200);
        }

        return posts;
    }
}
