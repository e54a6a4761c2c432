using Mcu.Monitor.Sources.Vk.Models;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// What was read of one wall. Only a <see cref="Complete"/> read may advance the cursor: a read that stopped
/// between pages would leave a gap between its oldest post and the last seen one. A complete read that hit the
/// cap (<see cref="Truncated"/>) covers only offsets <see cref="StartOffset"/>..<see cref="Offset"/>; what lies
/// below is read by the next polls.
/// </summary>
internal sealed class VkWallRead(VkWallPlan plan)
{
    public VkWallPlan Plan { get; } = plan;

    public VkCommunity Community => Plan.Community;

    /// <summary>Posts by id: a wall that shifts between pages repeats posts, and they count once.</summary>
    public Dictionary<long, VkPost> Posts { get; } = [];

    public VkAuthors Authors { get; } = new();

    /// <summary>Where this read started: <see cref="VkWallPlan.StartOffset"/>, or 0 after a failed resume check.</summary>
    public int StartOffset { get; set; } = plan.StartOffset;

    public int Offset { get; set; } = plan.StartOffset;

    public bool Done { get; set; }

    public bool Complete { get; set; }

    /// <summary>The read stopped at the cap (or on pages adding nothing) before reaching its stop condition.</summary>
    public bool Truncated { get; set; }

    /// <summary>A call of this wall inside <c>execute</c> failed with error 6 or 9 and was already asked again once.</summary>
    public bool Retried { get; set; }

    public VkWallRequest NextRequest => new(Community.OwnerId, Offset, Offset == 0 ? Plan.FirstCount : Plan.PageSize);
}
