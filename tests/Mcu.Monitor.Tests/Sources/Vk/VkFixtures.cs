namespace Mcu.Monitor.Tests.Sources.Vk;

/// <summary>The VK fixtures copied under TestData/vk (each with its .source.txt side-car).</summary>
public static class VkFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "vk", name);

    public static string Read(string name) => System.IO.File.ReadAllText(Path(name));

    public static IEnumerable<string> All() =>
        Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "vk"), "*.json").Order(StringComparer.Ordinal);
}
