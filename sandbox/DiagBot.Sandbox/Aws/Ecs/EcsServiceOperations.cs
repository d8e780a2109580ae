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
        var services = new List<EcsServiceResource>();
        var failures = new List<EcsFailure>();
        foreach (var name in names)
        {
            var arn = name.StartsWith("arn:", StringComparison.Ordinal) ? name : EcsArns.Service(world.Options, cluster.ClusterName, name);
            var service = world.Ecs.Services.FirstOrDefault(s => s.ServiceArn == arn && s.ClusterArn == cluster.ClusterArn);
            if (service is null)
            {
                failures.Add(new EcsFailure(arn, "MISSING"));
            }
            else
            {
                services.Add(service with { Tags = withTags ? service.Tags ?? [] : null });
            }
        }

        return new DescribeServicesResponse(services, failures);
    }

    private sealed record DescribeServicesResponse(IReadOnlyList<EcsServiceResource> Services, IReadOnlyList<EcsFailure> Failures);
}
