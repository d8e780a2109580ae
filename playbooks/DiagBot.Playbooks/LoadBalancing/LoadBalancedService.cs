using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Services;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The ECS service a load-balancer playbook looks at: the one triage read for a service subject, or the service a
/// task belongs to (its group "service:&lt;name&gt;"), read with DescribeServices.
/// </summary>
internal sealed record LoadBalancedService(EcsService? Service, EvidenceGap? Gap, string? ServiceName, string? TaskCluster = null)
{

    public string ClusterName => Service?.ClusterArn is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : "default";

    public string Region => RegionOf(Service?.ServiceArn);

    /// <summary>What to say when there is no service: ask for it, or name the read that failed.</summary>
    public string Problem => ServiceName is null
        ? "No ECS service to read load balancers from: diagnose `service <name> in <cluster>` (list them with `aws ecs list-services --cluster <cluster>`)."
        : $"Service {ServiceName} could not be read ({Gap?.Reason.ToWire() ?? "unknown"}), so its load balancers are unknown: diagnose `service {ServiceName} in {TaskCluster}` once ecs:DescribeServices is allowed.";

    public static async Task<LoadBalancedService> ResolveAsync(DiagnosisContext context, CancellationToken cancellationToken)
    {
        if (context.Service is { } known)
        {
            return new LoadBalancedService(known, null, known.ServiceName);
        }

        if (context.Task is not { } task || ServiceScope.ServiceNameOf(task) is not { } name)
        {
            return new LoadBalancedService(null, null, null);
        }

        var read = await context.Evidence.Ecs.DescribeServiceAsync(task.ClusterArn, name, cancellationToken).ConfigureAwait(false);
        return new LoadBalancedService(read.Value, read.Gap, name, task.ClusterName);
    }

    public static string RegionOf(string? arn) => Arn.TryParse(arn, out var parsed) && parsed.Region.Length > 0 ? parsed.Region : "us-east-1";
}
