using Mcu.Monitor.Domain;

namespace Mcu.Monitor.Answers;

/// <summary>A resident's comment after an official answer and what it says.</summary>
public sealed record ResidentReaction(Post Comment, ResidentReply Reply);
