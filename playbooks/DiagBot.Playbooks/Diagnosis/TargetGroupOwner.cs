using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>
/// What tracing a target group to its ECS service found: the service that lists the group in its loadBalancers, or
/// none; where DiagBot looked (<see cref="Searched"/>, said in the gap when nothing was found); and what could not be read.
/// </summary>
internal sealed record TargetGroupOwner(EcsService? Service, string Searched, IReadOnlyList<EvidenceGap> Gaps)
{
    /// <summary>A trace still running when another answered first; the diagnosis waits for it before it answers.</summary>
    public Task Pending { get; init; } = Task.CompletedTask;
}
