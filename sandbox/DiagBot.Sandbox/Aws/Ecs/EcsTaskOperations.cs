using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed class EcsTaskOperations(SandboxWorld world)
{
    private const int MaxDescribeTasks = 100;
    private const int MaxListTasks = 100;

    /// <summary>desiredStatus defaults to RUNNING; a service is matched through the task's group "service:&lt;name&gt;".</summary>
    public object ListTasks(AwsCall call)
    {
        var cluster = EcsClusters.Resolve(world, call);
        var serviceName = JsonRequest.String(call.Json, "serviceName");
        if (serviceName is not null && !world.Ecs.Services.Any(s => s.ClusterArn == cluster.ClusterArn && s.ServiceName == EcsArns.LastSegment(serviceName)))
        {
            throw new AwsException("ServiceNotFoundException", "Service not found.");
        }

        var desired = JsonRequest.String(call.Json, "desiredStatus") ?? "RUNNING";
        var family = JsonRequest.String(call.Json, "family");
        var startedBy = JsonRequest.String(call.Json, "startedBy");
        var launchType = JsonRequest.String(call.Json, "launchType");
        var instance = JsonRequest.String(call.Json, "containerInstance");
        var arns = world.Ecs.Tasks
            .Where(t => t.ClusterArn == cluster.ClusterArn && t.DesiredStatus == desired)
            .Where(t => serviceName is null || t.Group == "service:" + EcsArns.LastSegment(serviceName))
            .Where(t => family is null || t.TaskDefinitionArn.Contains($":task-definition/{family}:", StringComparison.Ordinal))
            .Where(t => startedBy is null || t.StartedBy == startedBy)
            .Where(t => launchType is null || t.LaunchType == launchType)
            .Where(t => instance is null || (t.ContainerInstanceArn is { } ci && (ci == instance || EcsArns.LastSegment(ci) == instance)))
            .Select(t => t.TaskArn)
            .ToList();
        var (page, next) = Paging.Page(arns, JsonRequest.String(call.Json, "nextToken"), EcsPaging.MaxResults(call, MaxListTasks));
        return new ListTasksResponse(page, next);
    }

    public object DescribeTasks(AwsCall call)
    {
        var cluster = EcsClusters.Resolve(world, call);
        var ids = JsonRequest.Strings(call.Json, "tasks");
        if (ids.Count == 0)
        {
            throw EcsErrors.InvalidParameter("Tasks cannot be empty.");
        }

        if (ids.Count > MaxDescribeTasks)
        {
            throw EcsErrors.InvalidParameter($"Tasks cannot have more than {MaxDescribeTasks} elements.");
        }

        var withTags = JsonRequest.Strings(call.Json, "include").Contains("TAGS");
        // A bare id names the cluster's task with that id, whichever ARN format it was launched with.
        var (tasks, failures) = EcsLookup.Resolve(ids,
            id => world.Ecs.Tasks.FirstOrDefault(t => t.ClusterArn == cluster.ClusterArn && EcsArns.LastSegment(t.TaskArn) == id)?.TaskArn
                ?? EcsArns.Task(world.Options, cluster.ClusterName, id),
            arn => world.Ecs.Tasks.FirstOrDefault(t => t.TaskArn == arn && t.ClusterArn == cluster.ClusterArn));
        return new DescribeTasksResponse([.. tasks.Select(t => t with { Tags = withTags ? t.Tags ?? [] : null })], failures);
    }

    private sealed record ListTasksResponse(IReadOnlyList<string> TaskArns, string? NextToken);

    private sealed record DescribeTasksResponse(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EcsFailure> Failures);
}
