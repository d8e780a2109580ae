using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

internal sealed class EcsTaskOperations(SandboxWorld world)
{
    private const int MaxDescribeTasks = 100;

    public object DescribeTasks(AwsCall call)
    {
        var cluster = ResolveCluster(call);
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
        var tasks = new List<EcsTask>();
        var failures = new List<EcsFailure>();
        foreach (var id in ids)
        {
            var arn = id.StartsWith("arn:", StringComparison.Ordinal) ? id : EcsArns.Task(world.Options, cluster.ClusterName, id);
            var task = world.Ecs.Tasks.FirstOrDefault(t => t.TaskArn == arn && t.ClusterArn == cluster.ClusterArn);
            if (task is null)
            {
                // DescribeTasks never fails for an unknown task: AWS lists it under failures with reason MISSING.
                failures.Add(new EcsFailure(arn, "MISSING"));
            }
            else
            {
                tasks.Add(withTags ? task with { Tags = task.Tags ?? [] } : task with { Tags = null });
            }
        }

        return new DescribeTasksResponse(tasks, failures);
    }

    private EcsCluster ResolveCluster(AwsCall call) =>
        world.Ecs.FindCluster(JsonRequest.String(call.Json, "cluster") ?? "default") ?? throw EcsErrors.ClusterNotFound();

    private sealed record DescribeTasksResponse(IReadOnlyList<EcsTask> Tasks, IReadOnlyList<EcsFailure> Failures);
}
