using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Triage;

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>Tasks that cannot start and the VPC around them, shaped like DescribeTasks and EC2 return them.</summary>
internal static class StartupTasks
{
    public const string Account = "111122223333";
    public const string TaskId = "4c5d6e7f8091a2b3c4d5e6f708192a3b";
    public const string SubnetId = "subnet-0a1b2c3d4e5f60718";
    public const string VpcId = "vpc-0f1e2d3c4b5a69788";
    public const string RouteTableId = "rtb-0aa11bb22cc33dd44";
    public const string Service = "ledger";
    public const string TaskDefinitionArn = $"arn:aws:ecs:us-east-1:{Account}:task-definition/ledger:3";
    public const string ExecutionRoleArn = $"arn:aws:iam::{Account}:role/ledger-execution-role";
    public const string Image = $"{Account}.dkr.ecr.us-east-1.amazonaws.com/ledger:2.0.1";

    public static EcsTask Task(string lastStatus, string? stoppedReason = null, string? containerReason = null, int minutesAgo = 20) => new()
    {
        TaskArn = $"arn:aws:ecs:us-east-1:{Account}:task/prod/{TaskId}",
        ClusterArn = $"arn:aws:ecs:us-east-1:{Account}:cluster/prod",
        TaskDefinitionArn = TaskDefinitionArn,
        LastStatus = lastStatus,
        DesiredStatus = lastStatus == "STOPPED" ? "STOPPED" : "RUNNING",
        StopCode = stoppedReason is null ? null : "TaskFailedToStart",
        StoppedReason = stoppedReason,
        LaunchType = "FARGATE",
        Group = "service:" + Service,
        CreatedAt = TimeProvider.System.GetUtcNow().AddMinutes(-minutesAgo),
        StoppedAt = lastStatus == "STOPPED" ? TimeProvider.System.GetUtcNow().AddMinutes(-1) : null,
        Containers = [new EcsContainer { Name = "app", Image = Image, LastStatus = lastStatus, Reason = containerReason }],
        Attachments = [new EcsAttachment("ElasticNetworkInterface", "PRECREATED", new Dictionary<string, string> { ["subnetId"] = SubnetId })],
    };

    /// <summary>A VPC with the task's subnet; route is "nat", "igw" or "none"; endpoints are suffixes such as "ecr.api" or "s3".</summary>
    public static ScriptedEvidence Network(int freeIps = 200, string route = "nat", string assignPublicIp = "DISABLED", params string[] endpoints)
    {
        var evidence = new ScriptedEvidence();
        evidence.Subnets.Add(new Subnet(SubnetId, VpcId, "us-east-1a", "10.0.8.0/24", freeIps, route == "igw"));
        Route[] routes = route switch
        {
            "nat" => [Local(), new Route("0.0.0.0/0", null, null, "nat-0123456789abcdef0", null, null, null, "active")],
            "igw" => [Local(), new Route("0.0.0.0/0", null, "igw-0123456789abcdef0", null, null, null, null, "active")],
            _ => [Local()],
        };
        evidence.RouteTables.Add(new RouteTable(RouteTableId, VpcId, false, [SubnetId], routes));
        foreach (var service in endpoints)
        {
            var gateway = service == "s3";
            evidence.Endpoints.Add(new VpcEndpoint($"vpce-0{service.Replace(".", string.Empty, StringComparison.Ordinal)}", VpcId, $"com.amazonaws.us-east-1.{service}",
                gateway ? "Gateway" : "Interface", "available", !gateway, gateway ? [] : [SubnetId], gateway ? [RouteTableId] : [], []));
        }

        evidence.Services.Add(new EcsService { ServiceArn = $"arn:aws:ecs:us-east-1:{Account}:service/prod/{Service}", ServiceName = Service, NetworkConfiguration = new([SubnetId], ["sg-0123456789abcdef0"], assignPublicIp) });
        return evidence;
    }

    public static EcsTaskDefinition Definition(string? executionRoleArn = ExecutionRoleArn, params EcsSecret[] secrets) => new()
    {
        TaskDefinitionArn = TaskDefinitionArn,
        Family = "ledger",
        Revision = 3,
        ExecutionRoleArn = executionRoleArn,
        ContainerDefinitions = [new EcsContainerDefinition { Name = "app", Image = Image, Secrets = secrets }],
    };

    public static AuditEvent Denied(string eventSource, string eventName, string action, string resource) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        EventName = eventName,
        EventSource = eventSource,
        EventTime = TimeProvider.System.GetUtcNow().AddMinutes(-3),
        ErrorCode = "AccessDenied",
        ErrorMessage = $"User: arn:aws:sts::{Account}:assumed-role/ledger-execution-role/{TaskId} is not authorized to perform: {action} on resource: {resource}",
        PrincipalArn = $"arn:aws:sts::{Account}:assumed-role/ledger-execution-role/{TaskId}",
        SessionIssuerArn = ExecutionRoleArn,
    };

    public static DiagnosisContext Context(EcsTask task, ScriptedEvidence evidence)
    {
        EcsTaskRef.TryParse(task.TaskArn, out var reference);
        return new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), evidence, TimeProvider.System) { Task = task };
    }

    private static Route Local() => new("10.0.0.0/16", null, "local", null, null, null, null, "active");
}
