using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>Tasks shaped like the ones DescribeTasks returns for the two kinds of exit 137.</summary>
internal static class EcsTasks
{
    public const string OomTaskId = "0f3c9a1b2c3d4e5f60718293a4b5c6d7";
    public const string SigKillTaskId = "1a2b3c4d5e6f708192a3b4c5d6e7f809";
    public const string TaskDefinitionArn = "arn:aws:ecs:us-east-1:111122223333:task-definition/web:7";

    public static EcsTask OutOfMemory() => Stopped(OomTaskId) with
    {
        StopCode = "EssentialContainerExited",
        StoppedReason = "Essential container in task exited",
        Containers = [new EcsContainer { Name = "web", ExitCode = 137, Reason = "OutOfMemoryError: Container killed due to memory usage" }],
    };

    public static EcsTask KilledAfterStopTimeout() => Stopped(SigKillTaskId) with
    {
        StopCode = "ServiceSchedulerInitiated",
        StoppedReason = "Scaling activity initiated by (deployment ecs-svc/1234567890123456789)",
        Containers = [new EcsContainer { Name = "web", ExitCode = 137 }],
    };

    public static EcsTask ExitedZero() => Stopped("2b3c4d5e6f708192a3b4c5d6e7f8091a") with
    {
        StopCode = "EssentialContainerExited",
        StoppedReason = "Essential container in task exited",
        Containers = [new EcsContainer { Name = "job", ExitCode = 0 }],
    };

    public static EcsTaskDefinition Definition(int containerMemory = 512, int? stopTimeout = 30) => new()
    {
        TaskDefinitionArn = TaskDefinitionArn,
        Family = "web",
        Revision = 7,
        Memory = "512",
        ContainerDefinitions = [new EcsContainerDefinition { Name = "web", Memory = containerMemory, StopTimeout = stopTimeout }],
    };

    private static EcsTask Stopped(string id) => new()
    {
        TaskArn = $"arn:aws:ecs:us-east-1:111122223333:task/prod/{id}",
        ClusterArn = "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
        TaskDefinitionArn = TaskDefinitionArn,
        LastStatus = "STOPPED",
        DesiredStatus = "STOPPED",
        LaunchType = "FARGATE",
    };
}
