namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>
/// What the simulated account holds in ECS. Seeded once by the catalogue, then read; tasks may be added at
/// runtime (an incident burst), so the task list is replaced rather than changed under a reader.
/// </summary>
internal sealed class EcsState
{
    private readonly List<EcsCluster> _clusters = [];
    private readonly Lock _tasksGate = new();
    private IReadOnlyList<EcsTask> _tasks = [];
    private readonly List<EcsTaskDefinition> _taskDefinitions = [];
    private readonly List<EcsServiceResource> _services = [];
    private readonly List<EcsContainerInstance> _containerInstances = [];

    public IReadOnlyList<EcsCluster> Clusters => _clusters;

    public IReadOnlyList<EcsTask> Tasks => _tasks;

    public IReadOnlyList<EcsTaskDefinition> TaskDefinitions => _taskDefinitions;

    public void Add(EcsCluster cluster)
    {
        if (!_clusters.Any(c => c.ClusterArn == cluster.ClusterArn))
        {
            _clusters.Add(cluster);
        }
    }

    public IReadOnlyList<EcsServiceResource> Services => _services;

    public IReadOnlyList<EcsContainerInstance> ContainerInstances => _containerInstances;

    public void Add(EcsTask task)
    {
        lock (_tasksGate)
        {
            _tasks = [.. _tasks, task];
        }
    }

    /// <summary>Many tasks at once (the large account), in one copy of the list rather than one per task.</summary>
    public void AddRange(IEnumerable<EcsTask> tasks)
    {
        lock (_tasksGate)
        {
            _tasks = [.. _tasks, .. tasks];
        }
    }

    public void Add(EcsServiceResource service) => _services.Add(service);

    public void Add(EcsContainerInstance instance) => _containerInstances.Add(instance);

    /// <summary>Adding a revision again replaces it, so a seed can refine a definition it has just built.</summary>
    public void Add(EcsTaskDefinition taskDefinition)
    {
        _taskDefinitions.RemoveAll(t => t.TaskDefinitionArn == taskDefinition.TaskDefinitionArn);
        _taskDefinitions.Add(taskDefinition);
    }

    /// <summary>A cluster is named by its short name or its full ARN, as the API accepts both.</summary>
    public EcsCluster? FindCluster(string nameOrArn) =>
        _clusters.FirstOrDefault(c => c.ClusterArn == nameOrArn || c.ClusterName == nameOrArn);
}
