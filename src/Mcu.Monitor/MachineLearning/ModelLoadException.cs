namespace Mcu.Monitor.MachineLearning;

/// <summary>A model file is missing, altered or unreadable; the message names the file.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string path, string reason)
        : base($"{path}: {reason}")
    {
        FilePath = path;
    }

    public ModelLoadException()
    {
        FilePath = "";
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
    }

    public string FilePath { get; }
}
