using Mcu.Monitor.Sources.Vk.Models;

namespace Mcu.Monitor.Sources.Vk;

/// <summary>
/// What was read of one wall. Only a <see cref="Complete"/> read may advance the cursor: a read that stopped
/// between pages would leave a gap between its oldest post and the last seen one.
/// </summary>
internal sealed class VkWallRead(VkWallPlan plan)
{
    public VkWallPlan Plan { get; } = plan;

    public VkCommunity Community => Plan.Community;

    /// <summary>Posts by id: a wall that shifts between pages repeats posts, and they count once.</summary>
    public Dictionary<long, VkPost> Posts { get; } = [];

    public VkAuthors Authors { get; } = new();

    public int Offset { get; set; }

    public bool Done { get; set; }

    public bool Complete { get; set; }

    public VkWallRequest NextRequest => new(Community.OwnerId, Offset, Offset == 0 ? Plan.FirstCount : Plan.PageSize);
}
