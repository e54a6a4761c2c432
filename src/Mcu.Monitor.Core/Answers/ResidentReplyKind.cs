namespace Mcu.Monitor.Answers;

/// <summary>What a resident's reply says about the answered problem.</summary>
public enum ResidentReplyKind
{
    /// <summary>Anything else: a question, a neighbour's story, chatter.</summary>
    Other,

    /// <summary>Nothing was done or the problem remains: the incident should be reopened.</summary>
    NothingDone,

    /// <summary>Thanks or a report that the work was done.</summary>
    Thanks,
}
