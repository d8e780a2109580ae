using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Triage;

/// <summary>The health of a service's targets as first facts: none registered, or each unhealthy target's reason.</summary>
internal static class TargetHealthFacts
{
    // An ALB answers 503 only when its target group has no registered targets (it fails open otherwise).
    private const double NoTargetsScore = 0.7;

    public static async Task<(IReadOnlyList<TriageFact> Facts, IReadOnlyList<EvidenceGap> Gaps)> ReadAsync(ILoadBalancingEvidence loadBalancing, EcsService service, CancellationToken cancellationToken)
    {
        var targetGroups = service.LoadBalancers.Select(lb => lb.TargetGroupArn).OfType<string>().Distinct().ToList();
        var results = await Task.WhenAll(targetGroups.Select(arn => loadBalancing.DescribeTargetHealthAsync(arn, cancellationToken))).ConfigureAwait(false);

        var facts = new List<TriageFact>();
        var gaps = new List<EvidenceGap>();
        for (var i = 0; i < targetGroups.Count; i++)
        {
            var (groupFacts, groupGaps) = From(targetGroups[i], results[i]);
            facts.AddRange(groupFacts);
            gaps.AddRange(groupGaps);
        }

        return (facts, gaps);
    }

    /// <summary>The facts of one target group's health: none registered, or each unhealthy target's reason.</summary>
    public static (IReadOnlyList<TriageFact> Facts, IReadOnlyList<EvidenceGap> Gaps) From(string targetGroupArn, EvidenceResult<IReadOnlyList<TargetHealthDescription>> health)
    {
        if (health.Value is not { } targets)
        {
            return ([], [health.Gap!]);
        }

        var facts = new List<TriageFact>();
        var registered = targets.Where(t => t.State is not ("unused" or "draining")).ToList();
        if (registered.Count == 0)
        {
            facts.Add(TriageFact.Pointing(Alb503NoTargets.Number, NoTargetsScore, "elasticloadbalancing:DescribeTargetHealth", $"target group {NameOf(targetGroupArn)} has no registered targets in use"));
        }

        facts.AddRange(targets
            .Where(t => t.State != "healthy" && t.Reason is not null)
            .Select(t => new TriageFact(EvidenceField.TargetHealth, $"{t.State} {t.Reason} {t.Description}".Trim(), null, $"elasticloadbalancing:DescribeTargetHealth {t.TargetId}"))
            .DistinctBy(f => f.Text));
        return (facts, []);
    }

    private static string NameOf(string targetGroupArn) => targetGroupArn.Split('/') is { Length: >= 2 } parts ? parts[1] : targetGroupArn;
}
