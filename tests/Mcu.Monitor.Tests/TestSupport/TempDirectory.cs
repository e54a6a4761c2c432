using Microsoft.Data.Sqlite;

namespace Mcu.Monitor.Tests.TestSupport;

/// <summary>A temporary folder deleted with the test; SQLite pools are cleared first so files can go.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("mcu-test-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold a file for a moment; the OS temp cleaner takes the rest
        }
    }
}
