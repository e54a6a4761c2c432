namespace Mcu.Monitor.Answers;

/// <summary>The rubric's criteria, in the order they are reported.</summary>
public enum AnswerCriterionKind
{
    /// <summary>A concrete action is named (done or planned).</summary>
    Action,

    /// <summary>A concrete date or term of the fix is named, or the work is reported done.</summary>
    Deadline,

    /// <summary>A photo, video or document is attached, or an act or photo is mentioned.</summary>
    Evidence,

    /// <summary>The answer addresses the resident (welcome, not required).</summary>
    Addressed,

    /// <summary>Not a formal reply (a formula with nothing else). A penalty when not met.</summary>
    NotFormal,

    /// <summary>No law cited without action or explanation. A penalty when not met.</summary>
    NoBareLegalReference,

    /// <summary>Not done and impossible at once without a reason. A penalty when not met.</summary>
    NotContradictory,
}
