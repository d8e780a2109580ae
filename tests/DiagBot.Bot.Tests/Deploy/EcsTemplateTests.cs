using DiagBot.Bot.Events;
using YamlDotNet.RepresentationModel;
using static DiagBot.Bot.Tests.Deploy.DeployFiles;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>deploy/ecs/diagbot.yaml follows DiagBot's own diagnoses (CloudFormation short-form tags are parsed and ignored).</summary>
public sealed class EcsTemplateTests
{
    private static readonly YamlMappingNode Template = Yaml("ecs", "diagbot.yaml");

    [Fact]
    public void TargetGroup_IsIpTypeCheckingHealthzOnTheContainerPort()
    {
        var targetGroup = Properties("TargetGroup");
        var containerPort = Scalar(Container(), "PortMappings", 0, "ContainerPort");

        Assert.Equal("ip", Scalar(targetGroup, "TargetType"));
        Assert.Equal("/healthz", Scalar(targetGroup, "HealthCheckPath"));
        Assert.Equal("traffic-port", Scalar(targetGroup, "HealthCheckPort"));
        Assert.Equal(containerPort, Scalar(targetGroup, "Port"));
        Assert.Equal(containerPort, Scalar(Properties("Service"), "LoadBalancers", 0, "ContainerPort"));
    }

    [Fact]
    public void TaskDefinition_SplitsExecutionRoleFromTheReadOnlyTaskRole()
    {
        var task = Properties("TaskDefinition");
        Assert.Equal("ExecutionRole.Arn", Scalar(task, "ExecutionRoleArn"));
        Assert.Equal("TaskRole.Arn", Scalar(task, "TaskRoleArn"));

        var taskRoleActions = PolicyActions("TaskRole").ToHashSet(StringComparer.Ordinal);
        var readOnly = ReadOnlyPolicyActions();
        Assert.True(taskRoleActions.SetEquals(readOnly), "the task role's policy is not deploy/iam/diagbot-readonly.json");
        Assert.Empty(PolicyActions("ExecutionRole").Intersect(readOnly, StringComparer.Ordinal));
        Assert.False(Properties("TaskRole").Children.ContainsKey(new YamlScalarNode("ManagedPolicyArns")));
    }

    [Fact]
    public void Container_Environment_HoldsNoSecrets_SecretsComeFromSecretsManager()
    {
        var environment = Entries(Walk(Container(), "Environment")).Select(entry => Scalar(entry, "Name")).ToList();
        var secrets = Entries(Walk(Container(), "Secrets")).ToList();

        Assert.Contains("DiagBot__Mode", environment);
        Assert.Equal("live", Scalar(Entries(Walk(Container(), "Environment")).First(e => Scalar(e, "Name") == "DiagBot__Mode"), "Value"));
        Assert.DoesNotContain(environment, HelmChartTests.IsSecretName);
        Assert.Contains(secrets, secret => Scalar(secret, "Name") == "DiagBot__Slack__SigningSecret");
        Assert.All(secrets, secret => Assert.StartsWith("${SecretArn}:", Scalar(secret, "ValueFrom"), StringComparison.Ordinal));
    }

    [Fact]
    public void Service_RollsBackFailedDeploymentsOnArm64InPrivateSubnets()
    {
        var service = Properties("Service");

        Assert.Equal("true", Scalar(service, "DeploymentConfiguration", "DeploymentCircuitBreaker", "Enable"));
        Assert.Equal("true", Scalar(service, "DeploymentConfiguration", "DeploymentCircuitBreaker", "Rollback"));
        Assert.Equal("DISABLED", Scalar(service, "NetworkConfiguration", "AwsvpcConfiguration", "AssignPublicIp"));
        Assert.Equal("ARM64", Scalar(Properties("TaskDefinition"), "RuntimePlatform", "CpuArchitecture"));
    }

    [Fact]
    public void VpcEndpoints_CoverWhatATaskNeedsToStart()
    {
        var services = Resources().Where(r => Scalar(r.Value, "Type") == "AWS::EC2::VPCEndpoint")
            .Select(r => Scalar(r.Value, "Properties", "ServiceName").Replace("com.amazonaws.${AWS::Region}.", string.Empty, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["ecr.api", "ecr.dkr", "logs", "s3", "secretsmanager", "sts"], StringComparer.Ordinal), services);
    }

    [Fact]
    public void EventBridge_SendsTheThreeEcsEventsToEventsEndpointWithTheKeyHeader()
    {
        var rule = Properties("EcsEventsRule");

        Assert.Equal(["ECS Task State Change", "ECS Service Action", "ECS Deployment State Change"], Strings(Walk(rule, "EventPattern", "detail-type")));
        Assert.Equal("EventsDestination.Arn", Scalar(rule, "Targets", 0, "Arn"));
        Assert.EndsWith(EventEndpoints.EventBridgePath, Scalar(Properties("EventsDestination"), "InvocationEndpoint"), StringComparison.Ordinal);
        Assert.Equal(EventsOptions.DefaultApiKeyHeader, Scalar(Properties("EventsConnection"), "AuthParameters", "ApiKeyAuthParameters", "ApiKeyName"));
    }

    [Fact]
    public void EventBridge_RetriesAndKeepsWhatItGivesUpOnInADeadLetterQueueOnlyTheRuleMaySendTo()
    {
        var target = Walk(Properties("EcsEventsRule"), "Targets", 0);
        var statement = Walk(Properties("EventsDeadLetterQueuePolicy"), "PolicyDocument", "Statement", 0);

        Assert.Equal("EventsDeadLetterQueue.Arn", Scalar(target, "DeadLetterConfig", "Arn"));
        Assert.Equal("AWS::SQS::Queue", Scalar(Walk(Template, "Resources", "EventsDeadLetterQueue"), "Type"));
        Assert.True(int.Parse(Scalar(target, "RetryPolicy", "MaximumRetryAttempts"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("events.amazonaws.com", Scalar(statement, "Principal", "Service"));
        Assert.Equal("sqs:SendMessage", Scalar(statement, "Action"));
        Assert.Equal("EcsEventsRule.Arn", Scalar(statement, "Condition", "ArnEquals", "aws:SourceArn"));
    }

    [Fact]
    public void Redis_IsOptional()
    {
        Assert.Equal("UseRedis", Scalar(Walk(Template, "Resources", "Redis"), "Condition"));
    }

    internal static IEnumerable<string> ContainerSettingNames() =>
        Entries(Walk(Container(), "Environment")).Concat(Entries(Walk(Container(), "Secrets"))).Select(entry => Scalar(entry, "Name"));

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Resources() => ((YamlMappingNode)Walk(Template, "Resources")).Children;

    private static YamlMappingNode Properties(string resource) => (YamlMappingNode)Walk(Template, "Resources", resource, "Properties");

    private static YamlNode Container() => Walk(Properties("TaskDefinition"), "ContainerDefinitions", 0);

    // An entry under !If [condition, entry, !Ref AWS::NoValue] counts as an entry.
    private static IEnumerable<YamlMappingNode> Entries(YamlNode list) =>
        ((YamlSequenceNode)list).Children.Select(child => child as YamlMappingNode ?? ((YamlSequenceNode)child).Children[1] as YamlMappingNode).OfType<YamlMappingNode>();

    private static IEnumerable<string> PolicyActions(string role) =>
        ((YamlSequenceNode)Walk(Properties(role), "Policies")).Children
            .SelectMany(policy => ((YamlSequenceNode)Walk(policy, "PolicyDocument", "Statement")).Children)
            .SelectMany(statement => Walk(statement, "Action") is YamlScalarNode single ? [single.Value!] : Strings(Walk(statement, "Action")));

    private static HashSet<string> ReadOnlyPolicyActions()
    {
        using var policy = IamPolicyTests.Load();
        return policy.RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(statement => statement.GetProperty("Action").EnumerateArray().Select(action => action.GetString()!))
            .ToHashSet(StringComparer.Ordinal);
    }
}
