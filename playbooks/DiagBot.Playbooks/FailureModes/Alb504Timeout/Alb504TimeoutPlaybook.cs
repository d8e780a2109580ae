using System.Globalization;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Logs;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.LoadBalancing;
using DiagBot.Playbooks.Services;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 13: the load balancer answers 504 when a target does not answer within its idle timeout. The timeout
/// (idle_timeout.timeout_seconds) against the request durations in the service's own logs decides it; the target
/// group's p99 TargetResponseTime at the timeout confirms it from CloudWatch.
/// </summary>
internal sealed class Alb504TimeoutPlaybook : IPlaybook
{
    public const string IdleTimeoutExceededSubCause = "idle-timeout-exceeded";
    public const string NearIdleTimeoutSubCause = "requests-near-idle-timeout";

    private const string NetworkLoadBalancerPath = ":loadbalancer/net/";
    private const int DefaultIdleTimeoutSeconds = IdleTimeout.DefaultSeconds;
    private const string IdleTimeoutKey = IdleTimeout.Key;

    /// <summary>A slowest request past this share of the idle timeout leaves no margin: slower ones hit 504.</summary>
    public const double NearShare = 0.8;

    /// <summary>What triage reads early for this mode (<see cref="FailureModes.EarlyReads"/>).</summary>
    public static EarlyReads EarlyReads { get; } = new()
    {
        ForService = [ServiceLoadBalancerEarlyReads.ReadAsync],
        ForNamespace = [PodTargetGroups.EarlyForNamespaceAsync],
        ForControllerGroup = [PodTargetGroups.EarlyForGroupAsync, PodAlb504Timeout.EarlyForGroupAsync],
    };

    public int Id => Alb504Timeout.Number;

    public string Name => Alb504Timeout.Name;

    public string Title => Alb504Timeout.Title;

    public async Task<Verdict> InvestigateAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context is { Pod: { } pod, KubernetesCluster: { } cluster })
        {
            return await PodAlb504Timeout.InvestigateAsync(this, context, pod, cluster, cancellationToken).ConfigureAwait(false);
        }

        var verdict = await FromLogsAsync(context, cancellationToken).ConfigureAwait(false);

        // A verdict without evidence found no load-balanced service to read metrics for.
        return verdict.Evidence.Count == 0 ? verdict : await ResponseTimeEvidence.AddAsync(verdict, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Verdict> FromLogsAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        var resolved = await LoadBalancedService.ResolveAsync(context, cancellationToken).ConfigureAwait(false);
        if (resolved.Service is null && context.TargetGroup is { } alone)
        {
            return TargetGroupAlone.NoService(this, context, alone);
        }

        if (resolved.Service is not { } service)
        {
            return NewVerdict(VerdictStatus.Inconclusive, resolved.Problem) with { Missing = resolved.Gap is null ? [] : [resolved.Gap] };
        }

        if (!service.LoadBalancers.Any(b => b.TargetGroupArn is not null))
        {
            return NewVerdict(VerdictStatus.RuledOut, $"Service {service.ServiceName} is not behind an ELBv2 target group, so no load balancer times its requests out.");
        }

        var targets = await ServiceTargetsReader.ReadAsync(context, resolved, service, cancellationToken).ConfigureAwait(false);
        var balancer = targets.Groups.SelectMany(g => g.Group?.LoadBalancerArns ?? []).FirstOrDefault();
        if (balancer?.Contains(NetworkLoadBalancerPath, StringComparison.Ordinal) == true)
        {
            // A Network Load Balancer passes TCP through: it has no HTTP idle timeout and never answers 504 itself.
            return NewVerdict(VerdictStatus.RuledOut, $"Service {service.ServiceName} is behind a Network Load Balancer ({balancer}), which answers no HTTP 504 of its own; a 504 comes from a proxy in front of it or from the app.")
                with { Evidence = targets.Evidence, Missing = targets.Missing };
        }

        var attributesRead = balancer is null ? null : context.Evidence.LoadBalancing.DescribeLoadBalancerAttributesAsync(balancer, cancellationToken);
        var logsRead = ReadLogsAsync(context, targets, cancellationToken);
        var attributes = attributesRead is null ? null : await attributesRead.ConfigureAwait(false);
        var (group, lines) = await logsRead.ConfigureAwait(false);
        if (attributes?.Gap is { } attributesGap)
        {
            targets.Missing.Add(attributesGap);
        }

        var idle = IdleTimeout.Of(attributes?.Value);
        var name = balancer?.Split('/') is { Length: >= 3 } parts ? parts[2] : "the load balancer";
        if (idle is int read)
        {
            targets.Evidence.Add(new("elasticloadbalancing:DescribeLoadBalancerAttributes", $"load balancer {name} {IdleTimeoutKey}", read.ToString(CultureInfo.InvariantCulture)));
        }

        var durations = lines is null ? [] : RequestDuration.In(lines);
        var slowest = durations.MaxBy(d => d.Duration);
        if (slowest is not null)
        {
            targets.Evidence.Add(new("logs:FilterLogEvents", $"slowest request in {group} over the last hour ({durations.Count} durations read)", slowest.Line));
        }

        var limit = TimeSpan.FromSeconds(idle ?? DefaultIdleTimeoutSeconds);
        var confirm = LoadBalancingCli.All(
            balancer is null ? null : LoadBalancingCli.IdleTimeout(resolved.Region, balancer),
            group is null ? null : LoadBalancingCli.SlowRequests(resolved.Region, group, slowest?.Phrase ?? "ms"),
            targets.Groups.Count > 0 ? LoadBalancingCli.TargetHealth(resolved.Region, targets.Groups[0].Arn) : null);
        var verdict = NewVerdict(VerdictStatus.Inconclusive, string.Empty) with { Evidence = targets.Evidence, Missing = targets.Missing, Confirm = confirm };
        var timeoutWords = idle is null ? $"the default {DefaultIdleTimeoutSeconds} s idle timeout (its real value unread)" : $"its {idle} s idle timeout";
        if (lines is null || durations.Count == 0)
        {
            return verdict with { RootCause = lines is null
                ? $"The request durations of service {service.ServiceName} could not be read, so whether they outlive {timeoutWords} of {name} is unknown."
                : $"The logs of service {service.ServiceName} ({group}) carry no request durations in the last hour, so they cannot be compared with {timeoutWords} of {name}." };
        }

        var over = durations.Count(d => d.Duration > limit);
        var healthy = HealthWords(targets);
        if (over > 0)
        {
            return verdict with
            {
                Status = idle is null ? VerdictStatus.Likely : VerdictStatus.Confirmed,
                SubCause = IdleTimeoutExceededSubCause,
                RootCause = $"Load balancer {name} gives up after {timeoutWords} while service {service.ServiceName} takes up to {slowest!.Duration.TotalSeconds:0} s ({over} request(s) over it in the last hour), so clients get 504 although {healthy}.",
                Fix = Fix(resolved, balancer, slowest.Duration),
            };
        }

        if (slowest!.Duration >= limit * NearShare)
        {
            return verdict with
            {
                Status = VerdictStatus.Likely,
                SubCause = NearIdleTimeoutSubCause,
                RootCause = $"Service {service.ServiceName}'s slowest request took {slowest.Duration.TotalSeconds:0} s, close to {timeoutWords} of {name}: slower ones hit 504.",
                Fix = Fix(resolved, balancer, slowest.Duration),
            };
        }

        return verdict with { Status = VerdictStatus.RuledOut, RootCause = $"No request of service {service.ServiceName} came near {timeoutWords} of {name} in the last hour (slowest {slowest.Duration.TotalSeconds:0.#} s), so a 504 is not the idle timeout." };
    }

    private static string HealthWords(ServiceTargets targets)
    {
        var inUse = targets.Groups.SelectMany(g => g.InUse ?? []).ToList();
        return targets.Groups.Any(g => g.Health is null) ? "the targets' health was not read"
            : inUse.Count > 0 && inUse.All(t => t.State == TargetGroupReading.Healthy) ? "the targets are healthy"
            : $"{inUse.Count(t => t.State != TargetGroupReading.Healthy)} of {inUse.Count} targets are not healthy either (see playbook 6)";
    }

    /// <summary>The first and last steps of the fix, whoever owns the load balancer.</summary>
    public const string FasterStep = "Make the slow endpoint asynchronous (accept the job, answer 202, let the client poll) or faster: a request should finish well inside the idle timeout.";

    public const string KeepAliveStep = "Keep the app's HTTP keep-alive timeout longer than the idle timeout, so the app never closes a connection the load balancer still uses (that is a 502).";

    private static List<string> Fix(LoadBalancedService resolved, string? balancer, TimeSpan slowest) =>
    [
        FasterStep,
        balancer is null
            ? "Raise the load balancer's idle timeout above the slowest legitimate request (at most 4000 s)."
            : $"Until then, raise the idle timeout above the slowest legitimate request: `aws elbv2 modify-load-balancer-attributes --region {resolved.Region} --load-balancer-arn {balancer} --attributes Key={IdleTimeoutKey},Value={IdleTimeout.Above(slowest)}`.",
        KeepAliveStep,
    ];

    private static async Task<(string? Group, IReadOnlyList<LogEvent>? Lines)> ReadLogsAsync(DiagnosisContext context, ServiceTargets targets, CancellationToken cancellationToken)
    {
        var container = targets.Groups.Select(targets.ContainerOf).FirstOrDefault(c => c?.LogConfiguration is { LogDriver: EcsLogStreams.AwsLogsDriver });
        if ((container is null ? null : ServiceLogs.GroupOf(container, targets.Service.ServiceArn)) is not { } group)
        {
            if (targets.Definition is not null)
            {
                targets.Missing.Add(new EvidenceGap("logs", "FilterLogEvents", GapReason.NotFound, "the load-balanced container does not log with the awslogs driver, so its request durations are not in CloudWatch Logs"));
            }

            return (null, null);
        }

        // The same read as triage's, so it comes from the session's cache.
        var read = await ServiceLogs.ReadAsync(context.Evidence, group, context.Now, cancellationToken).ConfigureAwait(false);
        if (read.Gap is { } gap)
        {
            targets.Missing.Add(gap);
        }

        return (group.LogGroupName, read.Value);
    }

    private Verdict NewVerdict(VerdictStatus status, string rootCause) => Verdict.For(this, status, rootCause);
}
