using System.Globalization;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Kubernetes;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 13 on EKS: the pod sits behind a target group a TargetGroupBinding fills, and the load balancer gives up on
/// its slow requests at its idle timeout. The timeout (DescribeLoadBalancerAttributes) against the request durations in
/// the pod's own log lines decides it, as on ECS; TargetResponseTime and the 504s the load balancer answered itself
/// against the targets' own 5XX confirm it. The fix goes on the Ingress, whose annotation the controller applies.
/// </summary>
internal static class PodAlb504Timeout
{
    /// <summary>The current run's last lines, the query triage and playbook 4 ask too, so the session reads it once.</summary>
    public const int LinesRead = PodTermination.CurrentLinesRead;

    private const string NetworkLoadBalancerPath = ":loadbalancer/net/";
    private const string Annotation = "alb.ingress.kubernetes.io/load-balancer-attributes";

    /// <summary>
    /// A controller's target group as the subject: its Application Load Balancer's attributes and the group's metrics,
    /// which <see cref="InvestigateAsync"/> asks for once the group's binding selects the pod, started beside the pod's events.
    /// </summary>
    public static Task EarlyForGroupAsync(IEvidenceSource evidence, GroupAtHand atHand, CancellationToken cancellationToken)
    {
        var group = atHand.Group;
        if (group.LoadBalancerArns.FirstOrDefault() is not { } balancer || balancer.Contains(NetworkLoadBalancerPath, StringComparison.Ordinal))
        {
            return Task.CompletedTask;
        }

        var attributes = evidence.LoadBalancing.DescribeLoadBalancerAttributesAsync(balancer, cancellationToken);
        var groups = ServiceLoadBalancerMetrics.GroupsOf([(group.TargetGroupArn, group)]);
        var metrics = LoadBalancerMetrics.ReadAsync(evidence, groups, atHand.Now, cancellationToken);
        return Task.WhenAll(attributes, metrics);
    }

    public static async Task<Verdict> InvestigateAsync(
        IPlaybook playbook, DiagnosisContext context, KubePod pod, string cluster, CancellationToken cancellationToken)
    {
        var (bindings, evidence, missing) = await PodTargetGroups.ReadAsync(context, pod, cluster, cancellationToken).ConfigureAwait(false);
        var subject = $"pod {pod.Namespace}/{pod.Name}";
        var bound = bindings.FirstOrDefault(b => b.Group?.LoadBalancerArns.Count > 0);
        if (bound is null)
        {
            return missing.Count > 0
                ? Verdict.For(playbook, VerdictStatus.Inconclusive, $"Which load balancer sends {subject} its requests could not be read.")
                    with { Missing = missing }
                : Verdict.For(playbook, VerdictStatus.RuledOut, bindings.Count == 0
                    ? $"No TargetGroupBinding in namespace {pod.Namespace} points at a Service that selects {subject}, "
                        + "so no load balancer times its requests out."
                    : $"The target groups of {subject} are attached to no load balancer, so none times its requests out.")
                    with { Evidence = evidence, Confirm = EksCli.TargetGroupBindings(cluster, pod.Namespace) };
        }

        var balancer = bound.Group!.LoadBalancerArns[0];
        var name = balancer.Split('/') is { Length: >= 3 } parts ? parts[2] : balancer;
        if (balancer.Contains(NetworkLoadBalancerPath, StringComparison.Ordinal))
        {
            // A Network Load Balancer passes TCP through: it has no HTTP idle timeout and never answers 504 itself.
            return Verdict.For(playbook, VerdictStatus.RuledOut, $"{subject} is behind Network Load Balancer {name}, which answers no HTTP 504 of its own; "
                + "a 504 comes from a proxy in front of it or from the app.") with { Evidence = evidence, Missing = missing };
        }

        var container = pod.Containers.FirstOrDefault(c => c.Ports.Any(p => p.ContainerPort == bound.TargetPort)) ?? pod.Containers.FirstOrDefault();
        var attributesRead = context.Evidence.LoadBalancing.DescribeLoadBalancerAttributesAsync(balancer, cancellationToken);
        var logsRead = container is null ? null
            : context.Evidence.Kubernetes.GetPodLogAsync(
                cluster, PodTermination.CurrentRun(pod, container.Name), cancellationToken);
        var metricsRead = LoadBalancerMetrics.ReadAsync(context.Evidence,
            ServiceLoadBalancerMetrics.GroupsOf(bindings.Select(b => (b.Binding.TargetGroupArn, b.Group))), context.Now, cancellationToken);
        var attributes = await attributesRead.ConfigureAwait(false);
        var logs = logsRead is null ? null : await logsRead.ConfigureAwait(false);
        var (metrics, metricsGap) = await metricsRead.ConfigureAwait(false);
        missing.AddRange(new[] { attributes.Gap, logs?.Gap }.OfType<EvidenceGap>());

        var idle = IdleTimeout.Of(attributes.Value);
        if (idle is int read)
        {
            evidence.Add(new("elasticloadbalancing:DescribeLoadBalancerAttributes", $"load balancer {name} {IdleTimeout.Key}",
                read.ToString(CultureInfo.InvariantCulture)));
        }

        var lines = logs?.Value;
        var durations = (lines ?? []).SelectMany(RequestDuration.Of).DistinctBy(d => (d.Line, d.Duration)).ToList();
        var slowest = durations.MaxBy(d => d.Duration);
        if (slowest is not null)
        {
            evidence.Add(new("kubernetes:pods/log",
                $"slowest request in the last {LinesRead} lines of {pod.Name}/{container!.Name} ({durations.Count} durations read)", slowest.Line));
        }

        var region = LoadBalancedService.RegionOf(bound.Binding.TargetGroupArn);
        var confirm = LoadBalancingCli.All(LoadBalancingCli.IdleTimeout(region, balancer),
            container is null ? null : KubectlCli.Logs(cluster, pod.Namespace, pod.Name, container.Name, false, LinesRead),
            LoadBalancingCli.TargetHealth(region, bound.Binding.TargetGroupArn));
        var verdict = Verdict.For(playbook, VerdictStatus.Inconclusive, string.Empty) with { Evidence = evidence, Missing = missing, Confirm = confirm };
        var timeoutWords = idle is null ? $"the default {IdleTimeout.DefaultSeconds} s idle timeout (its real value unread)" : $"its {idle} s idle timeout";
        var limit = TimeSpan.FromSeconds(idle ?? IdleTimeout.DefaultSeconds);
        verdict = (lines, slowest) switch
        {
            (null, _) => verdict with
            {
                RootCause = $"The log lines of {subject} could not be read, so whether its requests outlive {timeoutWords} of {name} is unknown.",
            },
            (_, null) => verdict with
            {
                RootCause = $"The last {LinesRead} log lines of {subject} carry no request durations, "
                    + $"so they cannot be compared with {timeoutWords} of {name}.",
            },
            (_, { } slow) when slow.Duration > limit => verdict with
            {
                Status = idle is null ? VerdictStatus.Likely : VerdictStatus.Confirmed,
                SubCause = Alb504TimeoutPlaybook.IdleTimeoutExceededSubCause,
                RootCause = $"Load balancer {name} gives up after {timeoutWords} while {subject} takes up to {slow.Duration.TotalSeconds:0} s "
                    + $"({durations.Count(d => d.Duration > limit)} request(s) over it in its last {LinesRead} log lines), "
                    + $"so clients get 504 although {Health(bound, pod)}.",
                Fix = Fix(bound, balancer, name, slow.Duration, region),
            },
            (_, { } slow) when slow.Duration >= limit * Alb504TimeoutPlaybook.NearShare => verdict with
            {
                Status = VerdictStatus.Likely,
                SubCause = Alb504TimeoutPlaybook.NearIdleTimeoutSubCause,
                RootCause = $"The slowest request of {subject} took {slow.Duration.TotalSeconds:0} s, close to {timeoutWords} of {name}: slower ones hit 504.",
                Fix = Fix(bound, balancer, name, slow.Duration, region),
            },
            (_, { } slow) => verdict with
            {
                Status = VerdictStatus.RuledOut,
                RootCause = $"No request of {subject} came near {timeoutWords} of {name} in its last {LinesRead} log lines "
                    + $"(slowest {slow.Duration.TotalSeconds:0.#} s), so a 504 is not the idle timeout.",
            },
        };

        return await ResponseTimeEvidence.AddAsync(verdict, context, metrics, metricsGap, cancellationToken).ConfigureAwait(false);
    }

    private static string Health(PodBinding bound, KubePod pod) => bound.TargetOf(pod) switch
    {
        null => "the pod's own target health was not read",
        { State: TargetGroupReading.Healthy } => "its target is healthy",
        { } own => $"its target is {own.State} (see playbook 6)",
    };

    // The controller applies the annotation's attributes at every reconcile and sets back any of them changed elsewhere
    // (aws-load-balancer-controller pkg/deploy/elbv2/load_balancer_attributes_reconciler.go), so the setting lives on the Ingress.
    private static List<string> Fix(PodBinding bound, string balancer, string name, TimeSpan slowest, string region)
    {
        var value = $"{IdleTimeout.Key}={IdleTimeout.Above(slowest)}";
        var stack = ControllerStack.FromLabels(bound.Binding.Labels);
        var raise = stack switch
        {
            { Kind: ControllerStackKind.Ingress } ingress => $"Until then, raise the idle timeout above the slowest legitimate request on {ingress}, "
                + $"whose controller made {name}: set the annotation `{Annotation}: {value}` (beside any other attributes it already lists, comma-separated). "
                + "The controller applies it at its next reconcile and sets it back if it is changed in the console or with the AWS CLI.",
            { Kind: ControllerStackKind.IngressGroup } group => $"Until then, raise the idle timeout above the slowest legitimate request on {group}, "
                + $"whose controller made {name}: set `{Annotation}: {value}` on the one Ingress of the group that sets load balancer attributes "
                + "(the annotation is exclusive within a group). "
                + "The controller applies it and sets it back if it is changed in the console or with the AWS CLI.",
            _ => $"Until then, raise the idle timeout above the slowest legitimate request: `aws elbv2 modify-load-balancer-attributes --region {region} "
                + $"--load-balancer-arn {balancer} --attributes Key={IdleTimeout.Key},Value={IdleTimeout.Above(slowest)}`"
                + (stack is null
                    ? $" (TargetGroupBinding {bound.Binding.Name} carries no controller stack label: the load balancer was made outside the cluster)."
                    : "."),
        };
        return [Alb504TimeoutPlaybook.FasterStep, raise, Alb504TimeoutPlaybook.KeepAliveStep];
    }
}
