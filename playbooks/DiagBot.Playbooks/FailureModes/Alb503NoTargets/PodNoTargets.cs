using System.Globalization;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 5 on EKS: the pod's load balancer answers 503 because the target group a TargetGroupBinding fills is empty.
/// The AWS Load Balancer Controller registers the ready endpoints of the Service the binding names, on the Service port
/// it names: a selector that picks no pod, pods none of which is Ready, or a port the Service lacks leave the group empty.
/// The pod's Service is the one that selects it, or the one named after its Deployment or its app label.
/// </summary>
internal static class PodNoTargets
{
    public const string SelectorMatchesNoPodSubCause = "service-selector-matches-no-pods";
    public const string NoReadyPodSubCause = "service-pods-not-ready";
    public const string ServicePortMissingSubCause = "service-port-not-found";

    public static async Task<Verdict> InvestigateAsync(
        IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var (all, pods, missing) = await PodTargetGroups.ReadAllAsync(context, pod, cluster, withPods: true, cancellationToken).ConfigureAwait(false);
        var subject = $"pod {pod.Namespace}/{pod.Name}";
        var mine = all.Where(b => PodTargetGroups.Selects(b.Service, pod) || PodTargetGroups.MeantFor(b.Service, pod)).ToList();
        if (mine.Count == 0)
        {
            return missing.Count > 0
                ? Verdict.For(playbook, VerdictStatus.Inconclusive, $"Which target groups register {subject}'s Service could not be read.")
                    with { Missing = missing }
                : Verdict.For(playbook, VerdictStatus.RuledOut, $"No TargetGroupBinding in namespace {pod.Namespace} registers a Service of {subject}.")
                    with { Confirm = EksCli.TargetGroupBindings(cluster, pod.Namespace) };
        }

        var evidence = mine.SelectMany(b => PodTargetGroups.EvidenceOf(b, pod)).ToList();
        if (mine.FirstOrDefault(b => b.Health is not null && b.InUse.Count == 0) is not { } empty)
        {
            return mine.Any(b => b.Health is null)
                ? Verdict.For(playbook, VerdictStatus.Inconclusive, $"Whether the target groups of {subject} have registered targets could not be read.")
                    with { Evidence = evidence, Missing = missing }
                : Verdict.For(playbook, VerdictStatus.RuledOut, string.Join("; ", mine.Select(b => string.Create(CultureInfo.InvariantCulture,
                    $"{b.Name} has {b.InUse.Count} registered target(s) in use"))) + ", so a 503 is not an empty target group.")
                    with { Evidence = evidence, Missing = missing };
        }

        var service = empty.Service;
        var selected = pods?.Where(p => PodTargetGroups.Selects(service, p)).ToList();
        var selector = string.Join(",", service.Selector.Select(kv => $"{kv.Key}={kv.Value}"));
        var region = LoadBalancedService.RegionOf(empty.Binding.TargetGroupArn);
        var confirm = LoadBalancingCli.All(LoadBalancingCli.TargetHealth(region, empty.Binding.TargetGroupArn),
            $"kubectl --context {cluster} -n {pod.Namespace} get service {service.Name} -o jsonpath='{{.spec.selector}}{{\"\\n\"}}{{.spec.ports}}'",
            $"kubectl --context {cluster} -n {pod.Namespace} get pods --show-labels");
        var ports = string.Join(", ", service.Ports.Select(p => p.Name is null ? p.Port.ToString(CultureInfo.InvariantCulture) : $"{p.Name} ({p.Port})"));
        var where = $"ALB 503: target group {empty.Name} has no registered targets";
        var portExists = service.Ports.Any(p => empty.Binding.ServicePort is null || p.Name == empty.Binding.ServicePort
            || p.Port.ToString(CultureInfo.InvariantCulture) == empty.Binding.ServicePort);
        var (subCause, why, fix) = (portExists, selected) switch
        {
            (false, _) => (ServicePortMissingSubCause,
                $"TargetGroupBinding {empty.Binding.Name} names port {empty.Binding.ServicePort} of Service {service.Name}, which has only {ports}",
                $"Point the Ingress backend (or the binding's serviceRef.port) at a port Service {service.Name} has ({ports}), "
                    + "or add that port to the Service."),
            (_, { Count: 0 }) => (SelectorMatchesNoPodSubCause,
                $"Service {service.Name} selects {selector} and no pod of namespace {pod.Namespace} carries it; {subject} carries {Labels(pod)}",
                $"Make Service {service.Name}'s selector match the pods' labels again (or put {selector} back on the pod template); "
                    + "the controller then registers them."),
            (_, { } picked) when picked.All(p => !PodTargetGroups.IsReady(p)) => (NoReadyPodSubCause,
                $"Service {service.Name} selects {picked.Count} pod(s) and none is Ready, and the controller registers ready endpoints only",
                $"Find why the pods of Service {service.Name} are not Ready (their readiness probe, or the crash loop playbook 8 names)."),
            (_, null) => (Alb503NoTargetsPlaybook.UnexplainedSubCause,
                $"the pods of namespace {pod.Namespace} could not be read to see which of them Service {service.Name} selects",
                $"Compare Service {service.Name}'s selector ({selector}) with the pods' labels and readiness."),
            _ => (Alb503NoTargetsPlaybook.UnexplainedSubCause,
                $"Service {service.Name} selects Ready pods, yet the controller registered none of them",
                "Read the AWS Load Balancer Controller's logs for this TargetGroupBinding: "
                    + "its IAM role may lack elasticloadbalancing:RegisterTargets."),
        };
        var decided = subCause != Alb503NoTargetsPlaybook.UnexplainedSubCause && (subCause == ServicePortMissingSubCause || selected is not null);
        return Verdict.For(playbook, decided ? VerdictStatus.Confirmed : VerdictStatus.Likely, $"{where}: {why}.")
            with { SubCause = subCause, Evidence = evidence, Missing = missing, Fix = [fix], Confirm = confirm };
    }

    private static string Labels(KubePod pod) =>
        string.Join(",", pod.Labels.Where(kv => kv.Key != "pod-template-hash").Select(kv => $"{kv.Key}={kv.Value}"));
}
