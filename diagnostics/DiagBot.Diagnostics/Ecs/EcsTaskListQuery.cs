namespace DiagBot.Diagnostics.Ecs;

/// <summary>A ListTasks search in one cluster (a name or an ARN; an ARN names its account and region).</summary>
public sealed record EcsTaskListQuery(string Cluster)
{
    public string? ServiceName { get; init; }

    public string? Family { get; init; }

    /// <summary>Who started the tasks: a service's tasks carry their deployment's id ("ecs-svc/...").</summary>
    public string? StartedBy { get; init; }

    /// <summary>RUNNING (the API's default) or STOPPED; stopped tasks are listed for about an hour.</summary>
    public string? DesiredStatus { get; init; }

    public int MaxTasks { get; init; } = 100;

    /// <summary>ARNs asked for per page (maxResults, at most 100); null asks for all that are still wanted.</summary>
    public int? PageSize { get; init; }
}
