namespace Mcu.Monitor.Triage;

/// <summary>What the officer decides about an appeal in the queue.</summary>
public enum TriageVerdict
{
    /// <summary>It is an appeal: it gets (or keeps) its incident and the МЦУ confirms the recipient.</summary>
    Confirm,

    /// <summary>It needs no answer: it leaves its incident, which is closed if nothing else is in it.</summary>
    NotAppeal,

    /// <summary>It is the same problem as another open incident: the post joins that one.</summary>
    Merge,
}
