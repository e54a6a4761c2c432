namespace Mcu.Monitor.Reports;

/// <summary>What a <see cref="ReportPeriod"/> spans (written by name in JSON).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReportPeriodKind>))]
public enum ReportPeriodKind
{
    /// <summary>Any run of whole days.</summary>
    Days,

    /// <summary>An ISO week, Monday to Sunday (<c>2026-W48</c>).</summary>
    Week,

    /// <summary>A calendar month (<c>2026-11</c>).</summary>
    Month,

    /// <summary>A calendar year (<c>2026</c>).</summary>
    Year,
}
