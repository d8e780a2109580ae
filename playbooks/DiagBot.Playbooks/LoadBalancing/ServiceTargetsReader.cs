using System.Globalization;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// Reads what every load-balancer playbook starts from: the task definition, the service's target groups and their
/// targets' health, in parallel. Triage read the same target health first, so the session cache answers it.
/// </summary>
internal static class ServiceTargetsReader
{
    private const int TargetsListed = 5;

    public static async Task<ServiceTargets> ReadAsync(DiagnosisContext context, LoadBalancedService resolved, EcsService service, CancellationToken cancellationToken)
    {
        var bindings = service.LoadBalancers.Where(b => b.TargetGroupArn is not null).DistinctBy(b => b.TargetGroupArn).ToList();
        var definitionRead = DefinitionAsync(context, service, cancellationToken);
        var groupsRead = GroupsAsync(context, bindings, cancellationToken);
        var healthRead = Task.WhenAll(bindings.Select(b => context.Evidence.LoadBalancing.DescribeTargetHealthAsync(b.TargetGroupArn!, cancellationToken)));
        await Task.WhenAll(definitionRead, groupsRead, healthRead).ConfigureAwait(false);

        var missing = new List<EvidenceGap>();
        var definition = Keep(await definitionRead.ConfigureAwait(false), missing);
        var groups = Keep(await groupsRead.ConfigureAwait(false), missing);
        var health = await healthRead.ConfigureAwait(false);
        var readings = bindings.Select((b, i) => new TargetGroupReading(b, groups?.FirstOrDefault(g => g.TargetGroupArn == b.TargetGroupArn), Keep(health[i], missing))).ToList();

        var targets = new ServiceTargets(resolved, service, definition, readings, [], missing.DistinctBy(g => (g.Source, g.Operation)).ToList());
        targets.Evidence.AddRange(ServiceEvidence(service, targets));
        targets.Evidence.AddRange(readings.SelectMany(r => GroupEvidence(r, targets)));
        return targets;
    }

    private static async Task<EvidenceResult<EcsTaskDefinition>?> DefinitionAsync(DiagnosisContext context, EcsService service, CancellationToken cancellationToken) =>
        service.TaskDefinition is { } arn ? await context.Evidence.Ecs.DescribeTaskDefinitionAsync(arn, cancellationToken).ConfigureAwait(false) : null;

    // Without a target group ARN DescribeTargetGroups would list every group of the account: do not ask.
    private static async Task<EvidenceResult<IReadOnlyList<TargetGroup>>?> GroupsAsync(DiagnosisContext context, IReadOnlyList<EcsServiceLoadBalancer> bindings, CancellationToken cancellationToken) =>
        bindings.Count == 0 ? null : await context.Evidence.LoadBalancing.DescribeTargetGroupsAsync([.. bindings.Select(b => b.TargetGroupArn!)], cancellationToken).ConfigureAwait(false);

    private static T? Keep<T>(EvidenceResult<T>? result, List<EvidenceGap> missing)
        where T : class
    {
        if (result?.Gap is { } gap)
        {
            missing.Add(gap);
        }

        return result?.Value;
    }

    private static IEnumerable<EvidenceItem> ServiceEvidence(EcsService service, ServiceTargets targets)
    {
        yield return new("ecs:DescribeServices", $"service {service.ServiceName} running / desired tasks", string.Create(CultureInfo.InvariantCulture, $"{service.RunningCount} / {service.DesiredCount}"));
        foreach (var binding in service.LoadBalancers)
        {
            yield return new("ecs:DescribeServices", "service loadBalancers entry (targetGroupArn, containerName:containerPort)", $"{binding.TargetGroupArn ?? binding.LoadBalancerName}, {binding.ContainerName}:{binding.ContainerPort}");
        }

        if (targets.Definition is { } definition)
        {
            yield return new("ecs:DescribeTaskDefinition", $"task definition {definition.Family}:{definition.Revision} networkMode", definition.NetworkMode ?? "(not set: bridge on EC2)");
        }
    }

    private static IEnumerable<EvidenceItem> GroupEvidence(TargetGroupReading reading, ServiceTargets targets)
    {
        if (targets.ContainerOf(reading) is { } container)
        {
            var ports = container.PortMappings.Count == 0 ? "(none)" : string.Join(", ", container.PortMappings.Select(p => p.ContainerPort.ToString(CultureInfo.InvariantCulture)));
            yield return new("ecs:DescribeTaskDefinition", $"container {container.Name} portMappings containerPort", ports);
        }

        if (reading.Group is { } group)
        {
            yield return new("elasticloadbalancing:DescribeTargetGroups", $"target group {reading.Name} TargetType", group.TargetType ?? "(not returned)");
            yield return new("elasticloadbalancing:DescribeTargetGroups", $"target group {reading.Name} health check (protocol, port, path, matcher)",
                $"{group.HealthCheckProtocol}, {group.HealthCheckPort}, {group.HealthCheckPath}, {group.MatcherHttpCode}");
            yield return new("elasticloadbalancing:DescribeTargetGroups", $"target group {reading.Name} LoadBalancerArns", group.LoadBalancerArns.Count == 0 ? "(none)" : string.Join(", ", group.LoadBalancerArns));
        }

        if (reading.Health is { } health)
        {
            yield return new("elasticloadbalancing:DescribeTargetHealth", $"target group {reading.Name} targets", health.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var target in health.Take(TargetsListed))
            {
                yield return new("elasticloadbalancing:DescribeTargetHealth", $"target {target.TargetId}:{target.Port} state",
                    string.Join(' ', new[] { target.State, target.Reason, target.Description }.Where(s => !string.IsNullOrEmpty(s))));
            }
        }
    }
}
