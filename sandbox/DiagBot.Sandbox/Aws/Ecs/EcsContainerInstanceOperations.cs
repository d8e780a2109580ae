using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed class EcsContainerInstanceOperations(SandboxWorld world)
{
    private const int MaxPage = 100;

    public object ListContainerInstances(AwsCall call)
    {
        var cluster = EcsClusters.Resolve(world, call);
        var status = JsonRequest.String(call.Json, "status");
        var arns = world.Ecs.ContainerInstances
            .Where(i => i.ClusterArn == cluster.ClusterArn && (status is null || i.Status == status))
            .Select(i => i.ContainerInstanceArn)
            .ToList();
        var (page, next) = Paging.Page(arns, JsonRequest.String(call.Json, "nextToken"), Math.Clamp(JsonRequest.Int(call.Json, "maxResults") ?? MaxPage, 1, MaxPage));
        return new ListContainerInstancesResponse(page, next);
    }

    public object DescribeContainerInstances(AwsCall call)
    {
        var cluster = EcsClusters.Resolve(world, call);
        var ids = JsonRequest.Strings(call.Json, "containerInstances");
        if (ids.Count == 0)
        {
            throw EcsErrors.InvalidParameter("ContainerInstances cannot be empty.");
        }

        var found = new List<EcsContainerInstance>();
        var failures = new List<EcsFailure>();
        foreach (var id in ids)
        {
            var arn = id.StartsWith("arn:", StringComparison.Ordinal) ? id : EcsArns.ContainerInstance(world.Options, cluster.ClusterName, id);
            var instance = world.Ecs.ContainerInstances.FirstOrDefault(i => i.ContainerInstanceArn == arn && i.ClusterArn == cluster.ClusterArn);
            if (instance is null)
            {
                failures.Add(new EcsFailure(arn, "MISSING"));
            }
            else
            {
                found.Add(instance);
            }
        }

        return new DescribeContainerInstancesResponse(found, failures);
    }

    private sealed record ListContainerInstancesResponse(IReadOnlyList<string> ContainerInstanceArns, string? NextToken);

    private sealed record DescribeContainerInstancesResponse(IReadOnlyList<EcsContainerInstance> ContainerInstances, IReadOnlyList<EcsFailure> Failures);
}
