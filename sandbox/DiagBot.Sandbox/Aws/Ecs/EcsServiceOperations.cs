using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed class EcsServiceOperations(SandboxWorld world)
{
    private const int MaxDescribeServices = 10;

    public object DescribeServices(AwsCall call)
    {
        var cluster = EcsClusters.Resolve(world, call);
        var names = JsonRequest.Strings(call.Json, "services");
        if (names.Count == 0)
        {
            throw EcsErrors.InvalidParameter("Services cannot be empty.");
        }

        if (names.Count > MaxDescribeServices)
        {
            throw EcsErrors.InvalidParameter($"Services cannot have more than {MaxDescribeServices} elements.");
        }

        var withTags = JsonRequest.Strings(call.Json, "include").Contains("TAGS");
        var (services, failures) = EcsLookup.Resolve(names, name => EcsArns.Service(world.Options, cluster.ClusterName, name),
            arn => world.Ecs.Services.FirstOrDefault(s => s.ServiceArn == arn && s.ClusterArn == cluster.ClusterArn));
        return new DescribeServicesResponse([.. services.Select(s => s with { Tags = withTags ? s.Tags ?? [] : null })], failures);
    }

    private sealed record DescribeServicesResponse(IReadOnlyList<EcsServiceResource> Services, IReadOnlyList<EcsFailure> Failures);
}
