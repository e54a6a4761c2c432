namespace Mcu.Monitor.Kibana;

/// <summary>
/// One saved object Kibana refused in an import: its type, id and title, Kibana's error type
/// (<c>missing_references</c>, <c>conflict</c>, <c>unsupported_type</c>, <c>unknown</c>…) and what it named
/// (the missing references, or the message of an unknown error).
/// </summary>
public sealed record KibanaImportError(string Type, string Id, string? Title, string ErrorType, string? Detail)
{
    public override string ToString() =>
        $"{Type} {Id}{(string.IsNullOrEmpty(Title) ? "" : $" «{Title}»")}: {ErrorType}{(string.IsNullOrEmpty(Detail) ? "" : $" ({Detail})")}";
}
