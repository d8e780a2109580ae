using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>Routes ECS operations (JSON 1.1, target prefix AmazonEC2ContainerServiceV20141113) to their handlers.</summary>
internal sealed class EcsService : IAwsService
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";

    private readonly Dictionary<string, Func<AwsCall, object>> _operations;

    public EcsService(SandboxWorld world)
    {
        var tasks = new EcsTaskOperations(world);
        var taskDefinitions = new EcsTaskDefinitionOperations(world);
        var services = new EcsServiceOperations(world);
        var instances = new EcsContainerInstanceOperations(world);
        var lists = new EcsListOperations(world);
        _operations = new(StringComparer.Ordinal)
        {
            ["DescribeTasks"] = tasks.DescribeTasks,
            ["ListTasks"] = tasks.ListTasks,
            ["DescribeTaskDefinition"] = taskDefinitions.DescribeTaskDefinition,
            ["ListTaskDefinitions"] = taskDefinitions.ListTaskDefinitions,
            ["DescribeServices"] = services.DescribeServices,
            ["ListContainerInstances"] = instances.ListContainerInstances,
            ["DescribeContainerInstances"] = instances.DescribeContainerInstances,
            ["ListClusters"] = lists.ListClusters,
            ["ListServices"] = lists.ListServices,
        };
        Protocol = new JsonProtocol(SigningName, [TargetPrefix], _operations.Keys.ToHashSet());
    }

    public string SigningName => "ecs";

    public IAwsProtocol Protocol { get; }

    public object Invoke(AwsCall call) => _operations[call.Operation](call);
}
