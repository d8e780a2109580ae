using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Ecs;

/// <summary>
/// Every service DiagBot could read in one account and region: the clusters searched, the services described,
/// whether the search stopped at its bound, and the clusters whose services could not be listed or described.
/// </summary>
public sealed record EcsServiceSearch(IReadOnlyList<string> ClusterArns, IReadOnlyList<EcsService> Services, bool Truncated, IReadOnlyList<EvidenceGap> Gaps)
{
    /// <summary>True when every cluster was listed and described to the end: an absent service is truly absent.</summary>
    public bool Complete => !Truncated && Gaps.Count == 0;
}
