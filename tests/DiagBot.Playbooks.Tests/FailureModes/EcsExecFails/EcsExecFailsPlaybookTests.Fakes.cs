using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Triage;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Cases the sandbox does not seed, on in-memory evidence: a stalled agent, no task role, CloudTrail denials, no way to ssmmessages.</summary>
public sealed partial class EcsExecFailsPlaybookTests
{
    [Fact]
    public async Task Investigate_AgentStopped_ConfirmsAgentNotRunning()
    {
        Ready();
        var task = Running() with { Containers = [new EcsContainer { Name = "console", ManagedAgents = [new("ExecuteCommandAgent", "STOPPED", "agent exited")] }] };

        var verdict = await InvestigateAsync(task);

        Assert.Equal((VerdictStatus.Confirmed, EcsExecFailsPlaybook.AgentNotRunningSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("agent exited", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NoTaskRole_ConfirmsNoTaskRole()
    {
        Ready(roleArn: null);

        var verdict = await InvestigateAsync(Running());

        Assert.Equal((VerdictStatus.Confirmed, EcsExecFailsPlaybook.NoTaskRoleSubCause), (verdict.Status, verdict.SubCause));
        Assert.DoesNotContain("LookupEvents", _evidence.Calls);
    }

    [Fact]
    public async Task Investigate_TaskRoleDeniedInCloudTrail_ConfirmsWithASimulationOfThatRole()
    {
        Ready();
        _evidence.AuditEvents.Add(Denial(RoleArn));
        _evidence.AuditEvents.Add(Denial("arn:aws:iam::111122223333:role/someone-else"));

        var verdict = await InvestigateAsync(Running());

        Assert.Equal((VerdictStatus.Confirmed, EcsExecFailsPlaybook.TaskRoleDeniedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--policy-source-arn {RoleArn}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("igw-0f1e2d3c4b5a69788", "DISABLED")]
    public async Task Investigate_NoRouteOutAndNoEndpoint_ConfirmsNoRouteToSsmMessages(string? gateway, string? assignPublicIp)
    {
        Ready(defaultRouteGateway: gateway, assignPublicIp: assignPublicIp);

        var verdict = await InvestigateAsync(Running());

        Assert.Equal((VerdictStatus.Confirmed, EcsExecFailsPlaybook.NoRouteToSsmMessagesSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"Name=vpc-id,Values={Vpc}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NoRouteOutButAnSsmMessagesEndpoint_IsRuledOut()
    {
        Ready(defaultRouteGateway: null);
        _evidence.Endpoints.Add(new VpcEndpoint("vpce-0a1b2c3d4e5f60718", Vpc, "com.amazonaws.us-east-1.ssmmessages", "Interface", "available", true, [Subnet], [], []));

        var verdict = await InvestigateAsync(Running());

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_StandaloneTaskWithoutExec_ConfirmsNotEnabledWithoutReadingAService()
    {
        Ready();

        var verdict = await InvestigateAsync(Running() with { EnableExecuteCommand = false, Group = "family:admin" });

        Assert.Equal((VerdictStatus.Confirmed, EcsExecFailsPlaybook.ExecNotEnabledSubCause), (verdict.Status, verdict.SubCause));
        Assert.DoesNotContain("DescribeServices", _evidence.Calls);
    }

    private void Ready(string? roleArn = RoleArn, string? defaultRouteGateway = "nat-0a1b2c3d4e5f60718", string? assignPublicIp = "DISABLED")
    {
        _evidence.Services.Add(new EcsService
        {
            ServiceArn = "arn:aws:ecs:us-east-1:111122223333:service/prod/admin",
            ServiceName = "admin",
            EnableExecuteCommand = true,
            NetworkConfiguration = new EcsAwsVpcConfiguration([Subnet], [], assignPublicIp),
        });
        _evidence.TaskDefinitions.Add(new EcsTaskDefinition { TaskDefinitionArn = Running().TaskDefinitionArn, Family = "admin", Revision = 2, TaskRoleArn = roleArn });
        _evidence.Subnets.Add(new Subnet(Subnet, Vpc, "us-east-1a", "10.0.0.0/24", 200, false));
        var routes = defaultRouteGateway is null ? new List<Route>() : [Route(defaultRouteGateway)];
        _evidence.RouteTables.Add(new RouteTable("rtb-0a1b2c3d4e5f60718", Vpc, false, [Subnet], routes));
    }

    private static Route Route(string target) => target.StartsWith("nat-", StringComparison.Ordinal)
        ? new Route("0.0.0.0/0", null, null, target, null, null, null, "active")
        : new Route("0.0.0.0/0", null, target, null, null, null, null, "active");

    private static AuditEvent Denial(string roleArn) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        EventName = "CreateControlChannel",
        EventSource = EcsExecReadings.SsmMessagesSource,
        ErrorCode = "AccessDenied",
        SessionIssuerArn = roleArn,
    };

    private static EcsTask Running() => new()
    {
        TaskArn = "arn:aws:ecs:us-east-1:111122223333:task/prod/9a8b7c6d5e4f30211a2b3c4d5e6f7081",
        ClusterArn = "arn:aws:ecs:us-east-1:111122223333:cluster/prod",
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:111122223333:task-definition/admin:2",
        LastStatus = "RUNNING",
        EnableExecuteCommand = true,
        Group = "service:admin",
        Containers = [new EcsContainer { Name = "console", ManagedAgents = [new("ExecuteCommandAgent", "RUNNING", null)] }],
        Attachments = [new EcsAttachment("ElasticNetworkInterface", "ATTACHED", new Dictionary<string, string> { ["subnetId"] = Subnet })],
    };

    private Task<Verdict> InvestigateAsync(EcsTask task)
    {
        EcsTaskRef.TryParse(task.TaskArn, out var reference);
        var context = new DiagnosisContext(new TaskSubject(task.TaskArn, reference!), _evidence, TimeProvider.System) { Task = task };
        return CreateSut().InvestigateAsync(context, CancellationToken.None);
    }
}
