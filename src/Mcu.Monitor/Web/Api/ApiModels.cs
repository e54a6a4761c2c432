namespace Mcu.Monitor.Web.Api;

/// <summary>The signed-in account, for the page header and for hiding buttons the account may not use.</summary>
public sealed record MeView(string Login, string DisplayName, string Role, bool CanChange, bool CanAccept);

/// <summary>A value of a filter or a choice (sector, risk level, locality, network, recipient) with its Russian name.</summary>
public sealed record Choice(string Id, string Name);

/// <summary>Everything the console's filters and forms choose from.</summary>
public sealed record Dictionaries(
    IReadOnlyList<Choice> Sectors, IReadOnlyList<Choice> RiskLevels, IReadOnlyList<Choice> Localities, IReadOnlyList<Choice> Networks,
    IReadOnlyList<Choice> Recipients, IReadOnlyList<Choice> IncidentStatuses);

/// <summary>A recipient of the registry with its alert chats and e-mail count (never the addresses themselves).</summary>
public sealed record RecipientView(string Id, string Name, string? EscalatesTo, bool RoundTheClock, int TelegramChats, int Emails, int OpenIncidents, int OverdueIncidents);

/// <summary>The details of an incident move: the new recipient (reassign), why (reject, reopen, a note) and the answer's text or link (answer).</summary>
public sealed record IncidentMoveRequest(string? RecipientId, string? Reason, string? AnswerText);

/// <summary>What came of a change: applied or refused, with a message in Russian for the officer.</summary>
public sealed record ChangeResult(bool Applied, string Message, long? IncidentId = null);

/// <summary>The headline numbers of the weekly note for a week and the charts to show (<c>/api/summary/charts/{id}.png</c>).</summary>
public sealed record SummaryView(string Week, string Label, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SummaryFigure> Figures, IReadOnlyList<SummaryChart> Charts);

public sealed record SummaryFigure(string Label, string Kind, double? Current, double? Previous, double? Delta);

public sealed record SummaryChart(string Id, string Title, string Url);

/// <summary>A triage decision from the «Очередь» page: <c>Confirm</c> (with corrections), <c>NotAppeal</c> or <c>Merge</c>.</summary>
public sealed record TriageRequest(string PostKey, string Verdict, string? Sector, string? RiskLevel, string? RecipientId, long? MergeIntoIncidentId, string? Note);

/// <summary>A correction from the «Лента» page; null keeps the value.</summary>
public sealed record CorrectionRequest(string PostKey, string? Sector, bool? Appeal, string? RiskLevel, bool? Negative = null);

/// <summary>A page of incidents.</summary>
public sealed record IncidentPage(long Total, IReadOnlyList<Mcu.Monitor.Triage.IncidentListItem> Items);
