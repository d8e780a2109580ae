using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>
/// ListClusters and ListServices: ARNs a page at a time. ECS pages ListServices by 10 unless asked for up to 100,
/// and ListClusters by 100.
/// </summary>
internal sealed class EcsListOperations(SandboxWorld world)
{
    private const int MaxPage = 100;
    private const int DefaultServicesPage = 10;

    public object ListClusters(AwsCall call)
    {
        var arns = world.Ecs.Clusters.Select(c => c.ClusterArn).ToList();
        var (page, next) = Paging.Page(arns, JsonRequest.String(call.Json, "nextToken"), EcsPaging.MaxResults(call, MaxPage));
        return new ListClustersResponse(page, next);
    }

    public object ListServices(AwsCall call)
    {
        var cluster = EcsClusters.Resolve(world, call);
        var launchType = JsonRequest.String(call.Json, "launchType");
        var arns = world.Ecs.Services
            .Where(s => s.ClusterArn == cluster.ClusterArn && (launchType is null || s.LaunchType == launchType))
            .Select(s => s.ServiceArn)
            .ToList();
        var size = JsonRequest.Int(call.Json, "maxResults") is null ? DefaultServicesPage : EcsPaging.MaxResults(call, MaxPage);
        var (page, next) = Paging.Page(arns, JsonRequest.String(call.Json, "nextToken"), size);
        return new ListServicesResponse(page, next);
    }

    private sealed record ListClustersResponse(IReadOnlyList<string> ClusterArns, string? NextToken);

    private sealed record ListServicesResponse(IReadOnlyList<string> ServiceArns, string? NextToken);
}
