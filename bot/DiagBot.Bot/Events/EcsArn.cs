namespace DiagBot.Bot.Events;

/// <summary>The parts of an ECS ARN the incident key needs: arn:aws:ecs:region:account:service/cluster/name.</summary>
internal static class EcsArn
{
    public static string LastSegment(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    /// <summary>The cluster name of a cluster ARN, or of a new-format service or task ARN (…:service/cluster/name).</summary>
    public static string? ClusterOf(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            return null;
        }

        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : arn;
        var segments = resource.Split('/');
        return segments switch
        {
            ["cluster", var name] => name,
            [_, var cluster, _] => cluster,
            _ => null,
        };
    }

    /// <summary>The service of a task's `group` ("service:orders-api"), or null for a standalone task.</summary>
    public static string? ServiceOfGroup(string? group) =>
        group is not null && group.StartsWith("service:", StringComparison.Ordinal) ? group["service:".Length..] : null;
}
