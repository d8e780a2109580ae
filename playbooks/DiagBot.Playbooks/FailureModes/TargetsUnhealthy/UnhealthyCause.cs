using System.Globalization;
using System.Text.RegularExpressions;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Playbooks.Commands;
using DiagBot.Playbooks.LoadBalancing;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Why registered targets fail their health checks; Decisive is false when the cause is only the likeliest reading.</summary>
internal sealed partial record UnhealthyCause(string SubCause, string Why, IReadOnlyList<string> Fix, string Confirm, bool Decisive)
{
    private const string ResponseCodeMismatch = "Target.ResponseCodeMismatch";
    private const string TimeoutReason = "Target.Timeout";
    private const string InitialHealthChecking = "Elb.InitialHealthChecking";
    private const int NotFound = 404;

    public static UnhealthyCause Find(ServiceTargets targets, TargetGroupReading group, HealthCheckPath path, bool tasksReplaced)
    {
        var region = targets.Resolved.Region;
        var tg = group.Group;
        var port = group.Binding.ContainerPort;
        var setup = LoadBalancingCli.TargetGroupSetup(region, group.Arn);
        if (tg?.HealthCheckPort is { } configured && int.TryParse(configured, out var checkPort) && checkPort != port)
        {
            return new(TargetsUnhealthyPlaybook.PortMismatchSubCause,
                $"the health check of {group.Name} probes port {checkPort} while container {group.Binding.ContainerName} serves on {port}",
                [$"Probe the traffic port: `aws elbv2 modify-target-group --region {region} --target-group-arn {group.Arn} --health-check-port traffic-port`."],
                setup, true);
        }

        if (path.Blocked == true)
        {
            var lbGroup = path.LoadBalancerGroupIds?.FirstOrDefault();
            return new(TargetsUnhealthyPlaybook.SecurityGroupSubCause,
                $"{path.Why}, so the load balancer's health checks never reach the app",
                [
                    lbGroup is null
                        ? $"Admit the load balancer on tcp {path.Port} in the tasks' security group {path.TaskGroupIds[0]} (from its security group, or from its subnets' CIDRs for a Network Load Balancer without one)."
                        : $"Admit the load balancer's security group on tcp {path.Port}: `aws ec2 authorize-security-group-ingress --region {region} --group-id {path.TaskGroupIds[0]} --protocol tcp --port {path.Port} --source-group {lbGroup}`.",
                    "If the load balancer's group restricts egress, allow tcp to the tasks' group on the same port.",
                ],
                LoadBalancingCli.All(LoadBalancingCli.SecurityGroupIngress(region, path.TaskGroupIds.Concat(path.LoadBalancerGroupIds ?? [])), LoadBalancingCli.TargetHealth(region, group.Arn)),
                true);
        }

        if (tg is not null && FromResponseCodes(region, tg, group.UnhealthyTargets) is { } answered)
        {
            return answered;
        }

        var grace = targets.Service.HealthCheckGracePeriodSeconds ?? 0;
        var toHealthy = (tg?.HealthCheckIntervalSeconds ?? 30) * (tg?.HealthyThresholdCount ?? 5);
        if (tasksReplaced && grace < toHealthy && path.Blocked == false
            && group.UnhealthyTargets.All(t => t.Reason is TimeoutReason or InitialHealthChecking or null))
        {
            return new(TargetsUnhealthyPlaybook.GracePeriodSubCause,
                $"ECS replaces tasks that fail ELB health checks, and the service's grace period ({grace} s) is shorter than the {toHealthy} s a new target needs to pass {tg?.HealthyThresholdCount ?? 5} checks {tg?.HealthCheckIntervalSeconds ?? 30} s apart",
                [$"Give the app time to start: `aws ecs update-service --region {region} --cluster {targets.Resolved.ClusterName} --service {targets.Service.ServiceName} --health-check-grace-period-seconds {toHealthy + 60}`."],
                LoadBalancingCli.ServiceLoadBalancers(region, targets.Resolved.ClusterName, targets.Service.ServiceName), false);
        }

        var timedOut = group.UnhealthyTargets.Any(t => t.Reason == TimeoutReason);
        return new(timedOut ? TargetsUnhealthyPlaybook.TimeoutSubCause : TargetsUnhealthyPlaybook.FailedChecksSubCause,
            timedOut
                ? $"health checks to {tg?.HealthCheckPath ?? "the health check path"} on port {group.HealthCheckPort} time out{(path.Blocked == false ? " although the security groups admit them" : $" ({path.Why})")}: the app is slow there or not listening on that interface"
                : $"health checks to port {group.HealthCheckPort} fail to connect or get a malformed answer{(path.Blocked == false ? " although the security groups admit them" : $" ({path.Why})")}: the container does not listen there",
            [$"Check that the app listens on 0.0.0.0:{group.HealthCheckPort} (not 127.0.0.1) and answers {tg?.HealthCheckPath ?? "the health check path"} within {tg?.HealthCheckTimeoutSeconds ?? 5} s."],
            LoadBalancingCli.All(LoadBalancingCli.TargetHealth(region, group.Arn), setup), false);
    }

    /// <summary>What the health check path answers (ResponseCodeMismatch with its codes) decides the cause from the target group alone.</summary>
    public static UnhealthyCause? FromResponseCodes(string region, TargetGroup tg, IEnumerable<TargetHealthDescription> unhealthy)
    {
        var codes = unhealthy.Where(t => t.Reason == ResponseCodeMismatch).SelectMany(t => CodesIn(t.Description)).Distinct().ToList();
        if (codes.Count == 0)
        {
            return null;
        }

        var arn = tg.TargetGroupArn;
        var seen = string.Join(", ", codes.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        var (subCause, why, fix) = codes.Contains(NotFound)
            ? (TargetsUnhealthyPlaybook.PathNotFoundSubCause, $"the health check path {tg.HealthCheckPath} answers {seen}: the app does not serve that path",
                $"Point the health check (now {tg.HealthCheckPath}) at a path the app answers with 200, which its own logs show: `aws elbv2 modify-target-group --region {region} --target-group-arn {arn} --health-check-path` followed by that path.")
            : codes.All(c => c < 400)
                ? (TargetsUnhealthyPlaybook.MatcherSubCause, $"the health check path {tg.HealthCheckPath} answers {seen}, outside the matcher {tg.MatcherHttpCode}",
                    $"Accept what the path answers or stop the redirect: `aws elbv2 modify-target-group --region {region} --target-group-arn {arn} --matcher HttpCode=200-399`, or check a path that answers 200 directly.")
                : (TargetsUnhealthyPlaybook.AppErrorSubCause, $"the health check path {tg.HealthCheckPath} answers {seen}: the app reports itself unhealthy there",
                    "Read the app's logs at the health check times: a health endpoint that checks a dependency fails when that dependency does.");
        return new(subCause, why, [fix], LoadBalancingCli.TargetGroupSetup(region, arn), true);
    }

    private static IEnumerable<int> CodesIn(string? description) =>
        description is null ? [] : Codes().Matches(description).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture));

    // "Health checks failed with these codes: [404]" is how ELB describes a ResponseCodeMismatch.
    [GeneratedRegex(@"(?<=\[[^\]]*)\b[1-5]\d\d\b")]
    private static partial Regex Codes();
}
