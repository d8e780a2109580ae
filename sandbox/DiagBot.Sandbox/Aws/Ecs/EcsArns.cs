namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>
/// ECS ARNs in the long format (arn:aws:ecs:&lt;region&gt;:&lt;account&gt;:task/&lt;cluster&gt;/&lt;id&gt;), and the old short format tasks launched
/// without the taskLongArnFormat account setting still carry: task/&lt;uuid&gt; and container/&lt;uuid&gt;, no cluster.
/// </summary>
internal static class EcsArns
{
    public static string OldTask(SandboxOptions o, Guid id) => $"arn:aws:ecs:{o.Region}:{o.AccountId}:task/{id}";

    public static string OldContainer(SandboxOptions o, Guid id) => $"arn:aws:ecs:{o.Region}:{o.AccountId}:container/{id}";

    public static string Cluster(SandboxOptions o, string name) => $"arn:aws:ecs:{o.Region}:{o.AccountId}:cluster/{name}";

    public static string Task(SandboxOptions o, string cluster, string id) => $"arn:aws:ecs:{o.Region}:{o.AccountId}:task/{cluster}/{id}";

    public static string TaskDefinition(SandboxOptions o, string family, int revision) =>
        $"arn:aws:ecs:{o.Region}:{o.AccountId}:task-definition/{family}:{revision}";

    public static string Container(SandboxOptions o, string cluster, string taskId, Guid containerId) =>
        $"arn:aws:ecs:{o.Region}:{o.AccountId}:container/{cluster}/{taskId}/{containerId}";

    public static string Service(SandboxOptions o, string cluster, string name) => $"arn:aws:ecs:{o.Region}:{o.AccountId}:service/{cluster}/{name}";

    public static string ContainerInstance(SandboxOptions o, string cluster, string id) =>
        $"arn:aws:ecs:{o.Region}:{o.AccountId}:container-instance/{cluster}/{id}";

    /// <summary>The last path segment: the task id of a task ARN, the name of a service ARN.</summary>
    public static string LastSegment(string arnOrId) => arnOrId[(arnOrId.LastIndexOf('/') + 1)..];
}
