using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// Playbooks 5, 6 and 13 for a target group the AWS Load Balancer Controller owns when none of its pods could be
/// diagnosed (no cluster configured, the binding unreadable or gone): the group is said to be the controller's, with the
/// tags that say so and the cluster, and the gap is named. No console or ECS fix: the controller registers the pods
/// and sets the group's settings back from the Ingress or Service annotations.
/// </summary>
internal static class ControllerGroupAlone
{
    public static Verdict For(IPlaybook playbook, TargetGroup group, ControllerGroup owned)
    {
        var name = group.TargetGroupName ?? group.TargetGroupArn;
        var region = LoadBalancedService.RegionOf(group.TargetGroupArn);
        var binding = owned.Binding;
        var stack = ControllerStack.FromTags(owned.Tags) ?? (binding is null ? null : ControllerStack.FromLabels(binding.Labels));
        var whose = owned.Tags.Count > 0 ? $"the AWS Load Balancer Controller's ({ControllerTags.Describe(owned.Tags)})" : "the AWS Load Balancer Controller's";
        var bound = binding is null ? string.Empty : $", filled by TargetGroupBinding {binding.Namespace}/{binding.Name} from Service {binding.ServiceName}";
        var owner = stack is null ? "its Ingress or Service" : stack.ToString();
        var evidence = new List<EvidenceItem>();
        if (owned.Tags.Count > 0)
        {
            evidence.Add(new("elasticloadbalancing:DescribeTags", $"target group {name} tags", ControllerTags.Describe(owned.Tags)));
        }

        if (binding is not null)
        {
            evidence.Add(new("kubernetes:targetgroupbindings", $"targetgroupbinding {binding.Namespace}/{binding.Name} (target type, service, port)",
                $"{binding.TargetType ?? "(not set)"}, {binding.ServiceName}:{binding.ServicePort ?? "(first)"}"));
        }

        return Verdict.For(playbook, VerdictStatus.Inconclusive,
            $"Target group {name} is {whose}{bound}: its targets are pods, registered by the controller, and its settings come from {owner}'s "
            + $"annotations; {owned.Problem ?? "none of its pods could be read"}.")
            with
            {
                Evidence = evidence,
                Missing = owned.Gaps,
                Confirm = LoadBalancingCli.All(LoadBalancingCli.Tags(region, group.TargetGroupArn), LoadBalancingCli.TargetHealth(region, group.TargetGroupArn),
                    owned.KubernetesCluster is { } cluster ? EksCli.AllTargetGroupBindings(cluster) : null),
                Fix =
                [
                    owned.KubernetesCluster is null
                        ? "Configure the cluster (DiagBot:Kubernetes:Clusters, with Eks:ClusterName) so DiagBot can read the group's "
                            + "TargetGroupBinding and pods, or diagnose one of its pods: `/diagnose pod <namespace>/<pod>`."
                        : "Diagnose one of the pods the group should hold: `/diagnose pod <namespace>/<pod>`.",
                    $"Change the group's health check or attributes through {owner}'s annotations (alb.ingress.kubernetes.io/..., "
                        + "service.beta.kubernetes.io/aws-load-balancer-...), not on the group: the controller sets them back.",
                ],
            };
    }
}
