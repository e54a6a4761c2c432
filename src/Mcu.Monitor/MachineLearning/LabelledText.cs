namespace Mcu.Monitor.MachineLearning;

/// <summary>A training text and whichever labels it has (a CSV of the evaluation format carries only one).</summary>
public sealed record LabelledText(string Text)
{
    public string? Sector { get; init; }

    public bool? Appeal { get; init; }

    public bool? Negative { get; init; }

    public bool? Inappropriate { get; init; }

    /// <summary>Where such a text is published (<c>vk</c>, <c>ok</c>, <c>telegram</c>, <c>portal</c>), when the corpus says.</summary>
    public string? Network { get; init; }

    /// <summary>Where it came from (<c>file:line</c> or <c>feedback:post key</c>), for messages.</summary>
    public string Origin { get; init; } = "";
}
