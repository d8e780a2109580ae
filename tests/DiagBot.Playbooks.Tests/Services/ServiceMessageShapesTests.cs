using DiagBot.Diagnostics.Ecs;
using DiagBot.Playbooks.FailureModes;

namespace DiagBot.Playbooks.Tests.Services;

/// <summary>
/// The message shapes playbooks 4 and 12 read, in the wordings AWS documents (IAM's "is not authorized to perform",
/// ECS's service event messages) and the way SDKs wrap them. Written from the shapes, not copied from a source.
/// </summary>
public sealed class ServiceMessageShapesTests
{
    private const string Account = "111122223333";

    [Theory]
    [InlineData($"User: arn:aws:sts::{Account}:assumed-role/app-task/0a1b2c3d is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:eu-west-1:{Account}:jobs", "sqs:SendMessage", "app-task")]
    [InlineData($"An error occurred (AccessDeniedException) when calling the GetSecretValue operation: User: arn:aws:sts::{Account}:assumed-role/app-task/abc is not authorized to perform: secretsmanager:GetSecretValue on resource: db because no identity-based policy allows the secretsmanager:GetSecretValue action", "secretsmanager:GetSecretValue", "app-task")]
    [InlineData($"AccessDeniedException: User: arn:aws:sts::{Account}:assumed-role/app-task/abc is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:eu-west-1:{Account}:table/orders with an explicit deny in a service control policy", "dynamodb:PutItem", "app-task")]
    [InlineData($"operation error KMS: Decrypt, https response error StatusCode: 400, api error AccessDeniedException: User: arn:aws:sts::{Account}:assumed-role/app-task/abc is not authorized to perform: kms:Decrypt on this resource because the resource does not exist in this Region, no resource-based policies allow access, or a resource-based policy explicitly denies access", "kms:Decrypt", "app-task")]
    public void Parse_IamNotAuthorizedMessage_NamesPrincipalAndAction(string line, string action, string role)
    {
        var denial = Assert.IsType<AccessDenial>(AccessDenial.Parse(line));

        Assert.Equal(action, denial.Action);
        Assert.Equal(role, AccessDenial.RoleAndSession(denial.PrincipalArn)?.Role);
    }

    [Theory]
    [InlineData("software.amazon.awssdk.services.s3.model.S3Exception: Access Denied (Service: S3, Status Code: 403, Request ID: 4Q2)", null)]
    [InlineData("botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied", "GetObject")]
    public void Parse_BareAccessDenied_HasNoPrincipal(string line, string? eventName)
    {
        var denial = Assert.IsType<AccessDenial>(AccessDenial.Parse(line));

        Assert.Null(denial.PrincipalArn);
        Assert.Equal(eventName, denial.EventName);
    }

    [Fact]
    public void Parse_OrdinaryLine_IsNotADenial() => Assert.Null(AccessDenial.Parse("INFO GET /orders/1187 200 22ms"));

    [Theory]
    [InlineData($"arn:aws:sts::{Account}:assumed-role/app-task/0a1b", nameof(DeniedPrincipal.TaskRole))]
    [InlineData($"arn:aws:sts::{Account}:assumed-role/ecsTaskExecutionRole/0a1b", nameof(DeniedPrincipal.ExecutionRole))]
    [InlineData($"arn:aws:sts::{Account}:assumed-role/ecs-instance-role/i-0123456789abcdef0", nameof(DeniedPrincipal.InstanceRole))]
    [InlineData($"arn:aws:iam::{Account}:user/ci", nameof(DeniedPrincipal.Other))]
    [InlineData(null, nameof(DeniedPrincipal.Unknown))]
    public void Classify_PrincipalArn_AgainstTheTaskDefinitionsRoles(string? principal, string expected) =>
        Assert.Equal(Enum.Parse<DeniedPrincipal>(expected), AccessDenial.Classify(principal, $"arn:aws:iam::{Account}:role/teams/app-task", $"arn:aws:iam::{Account}:role/ecsTaskExecutionRole"));

    [Theory]
    [InlineData("(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5d0e1f2a) has insufficient memory available. For more information, see the Troubleshooting section.", nameof(PlacementProblem.InsufficientMemory), "5d0e1f2a")]
    [InlineData("(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5d0e1f2a) has insufficient CPU units available.", nameof(PlacementProblem.InsufficientCpu), "5d0e1f2a")]
    [InlineData("(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5d0e1f2a) is already using a port required by your task.", nameof(PlacementProblem.PortInUse), "5d0e1f2a")]
    [InlineData("(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5d0e1f2a) encountered error \u201cAGENT\u201d.", nameof(PlacementProblem.AgentError), "5d0e1f2a")]
    [InlineData("(service web) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.", nameof(PlacementProblem.NoContainerInstances), null)]
    [InlineData("(service web) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.", nameof(PlacementProblem.DeploymentConfiguration), null)]
    public void Parse_ServiceSchedulerEvent_NamesTheProblemAndInstance(string message, string problem, string? instance)
    {
        var placement = Assert.IsType<PlacementEvent>(PlacementEvent.Parse(new EcsServiceEvent("e", null, message)));

        Assert.Equal((Enum.Parse<PlacementProblem>(problem), instance), (placement.Problem, placement.ContainerInstanceId));
    }

    [Theory]
    [InlineData("(service web) has reached a steady state.")]
    [InlineData("(service web) has started 1 tasks: (task 0a1b2c3d).")]
    public void Parse_OrdinaryServiceEvent_IsNotAPlacementFailure(string message) =>
        Assert.Null(PlacementEvent.Parse(new EcsServiceEvent("e", null, message)));
}
