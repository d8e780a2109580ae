using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.Ecs;

/// <summary>The error codes and messages ECS answers with.</summary>
internal static class EcsErrors
{
    public static AwsException ClusterNotFound() => new("ClusterNotFoundException", "Cluster not found.");

    public static AwsException TaskDefinitionNotFound() => new("ClientException", "Unable to describe task definition.");

    public static AwsException InvalidParameter(string message) => new("InvalidParameterException", message);
}
