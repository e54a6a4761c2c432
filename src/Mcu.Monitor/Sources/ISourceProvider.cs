namespace Mcu.Monitor.Sources;

/// <summary>
/// One kind of source (files, VK, OK, Telegram) as configured: each enabled source with its id, poll interval
/// and a factory. Every provider registered in DI is polled by <c>run</c> and <c>run --once</c>.
/// </summary>
public interface ISourceProvider
{
    IEnumerable<SourceDefinition> Sources();
}
