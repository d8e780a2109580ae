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
        var (page, next) = Paging.Page(arns, JsonRequest.String(call.Json, "nextToken"), EcsPaging.MaxResults(call, MaxPage));
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

        var (found, failures) = EcsLookup.Resolve(ids, id => EcsArns.ContainerInstance(world.Options, cluster.ClusterName, id),
            arn => world.Ecs.ContainerInstances.FirstOrDefault(i => i.ContainerInstanceArn == arn && i.ClusterArn == cluster.ClusterArn));
        return new DescribeContainerInstancesResponse(found, failures);
    }

    private sealed record ListContainerInstancesResponse(IReadOnlyList<string> ContainerInstanceArns, string? NextToken);

    private sealed record DescribeContainerInstancesResponse(IReadOnlyList<EcsContainerInstance> ContainerInstances, IReadOnlyList<EcsFailure> Failures);
}
