using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 1's sub-causes that the sandbox does not seed, on in-memory VPCs.</summary>
public sealed class TaskStuckProvisioningSubCauseTests
{
    private static readonly string[] AllEndpoints = ["ecr.api", "ecr.dkr", "logs", "s3"];

    [Fact]
    public async Task Investigate_PrivateSubnetWithoutNatOrEndpoints_ConfirmsNoRoute()
    {
        var verdict = await InvestigateAsync(StartupTasks.Task("PROVISIONING"), StartupTasks.Network(route: "none", endpoints: "s3"));

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.NoRouteSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("ecr.api, ecr.dkr, logs", verdict.RootCause, StringComparison.Ordinal);
        Assert.DoesNotContain("s3", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(StartupTasks.SubnetId, verdict.Confirm, StringComparison.Ordinal);
        Assert.Contains(StartupTasks.VpcId, verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_EndpointsWithoutS3GatewayOnTheRouteTable_NamesTheS3Gateway()
    {
        var verdict = await InvestigateAsync(StartupTasks.Task("PROVISIONING"), StartupTasks.Network(route: "none", endpoints: ["ecr.api", "ecr.dkr", "logs"]));

        Assert.Equal(TaskStuckProvisioningPlaybook.NoRouteSubCause, verdict.SubCause);
        Assert.EndsWith("s3, so task " + StartupTasks.TaskId + " cannot reach the AWS APIs it needs to start.", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_PendingTaskWithoutEcrEndpoints_ConfirmsPendingSubCause()
    {
        var verdict = await InvestigateAsync(StartupTasks.Task("PENDING"), StartupTasks.Network(route: "none", endpoints: ["logs", "s3"]));

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.PendingWithoutEcrEndpointsSubCause), (verdict.Status, verdict.SubCause));
    }

    [Fact]
    public async Task Investigate_PublicSubnetWithPublicIpDisabled_ConfirmsPublicIpSubCause()
    {
        var verdict = await InvestigateAsync(StartupTasks.Task("PROVISIONING"), StartupTasks.Network(route: "igw", assignPublicIp: "DISABLED"));

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.PublicIpDisabledSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--services {StartupTasks.Service}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_PublicSubnetWithPublicIpEnabled_IsNotANetworkFault()
    {
        var verdict = await InvestigateAsync(StartupTasks.Task("PROVISIONING", minutesAgo: 1), StartupTasks.Network(route: "igw", assignPublicIp: "ENABLED"));

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_PublicSubnetWithPublicIpEnabledAndEndpointsDenied_IsStillReachable()
    {
        var evidence = StartupTasks.Network(route: "igw", assignPublicIp: "ENABLED");
        evidence.Deny("ec2", "DescribeVpcEndpoints");
        var task = StartupTasks.Task("STOPPED", stoppedReason: "Timeout waiting for network interface provisioning to complete.");

        var verdict = await InvestigateAsync(task, evidence);

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.EniTimeoutSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, gap => gap.Operation == "DescribeVpcEndpoints");
    }

    [Fact]
    public async Task Investigate_EcrEndpointsWithoutPrivateDns_StillCountAsMissing()
    {
        var evidence = StartupTasks.Network(route: "none", endpoints: AllEndpoints);
        evidence.Endpoints[0] = evidence.Endpoints[0] with { PrivateDnsEnabled = false };

        var verdict = await InvestigateAsync(StartupTasks.Task("PROVISIONING"), evidence);

        Assert.Equal(TaskStuckProvisioningPlaybook.NoRouteSubCause, verdict.SubCause);
        Assert.Contains("lacks endpoints for ecr.api,", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_EniTimeoutWithHealthyNetwork_ConfirmsAwsSideTimeout()
    {
        var task = StartupTasks.Task("STOPPED", stoppedReason: "Timeout waiting for network interface provisioning to complete.");

        var verdict = await InvestigateAsync(task, StartupTasks.Network());

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.EniTimeoutSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains($"--tasks {StartupTasks.TaskId}", verdict.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_NewerEniWordingWithEndpointsOnly_ConfirmsAwsSideTimeout()
    {
        var task = StartupTasks.Task("STOPPED", stoppedReason: "Network interface provision complete error timeout wait for network interface provision");

        var verdict = await InvestigateAsync(task, StartupTasks.Network(route: "none", endpoints: AllEndpoints));

        Assert.Equal(TaskStuckProvisioningPlaybook.EniTimeoutSubCause, verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_StuckLongWithRouteTablesDenied_IsLikelyAndNamesTheGap()
    {
        var evidence = StartupTasks.Network();
        evidence.Deny("ec2", "DescribeRouteTables");

        var verdict = await InvestigateAsync(StartupTasks.Task("PROVISIONING", minutesAgo: 30), evidence);

        Assert.Equal(VerdictStatus.Likely, verdict.Status);
        Assert.Null(verdict.SubCause);
        Assert.Contains(verdict.Missing, gap => gap.Operation == "DescribeRouteTables");
    }

    [Fact]
    public async Task Investigate_StoppedForCannotPullWithAHealthyNetwork_IsRuledOut()
    {
        var task = StartupTasks.Task("STOPPED", stoppedReason: "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref");

        var verdict = await InvestigateAsync(task, StartupTasks.Network());

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_Ec2TaskWithoutNetworkInterface_IsLikelyWaitingForAnInstance()
    {
        var task = StartupTasks.Task("PROVISIONING", minutesAgo: 30) with { Attachments = [], Group = "family:ledger", LaunchType = "EC2" };

        var verdict = await InvestigateAsync(task, StartupTasks.Network());

        Assert.Equal(VerdictStatus.Likely, verdict.Status);
        Assert.Contains("container instance", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("--cluster prod", string.Join(' ', verdict.Fix), StringComparison.Ordinal);
    }

    [Fact]
    public void Rank_TaskStillPending_RanksAPlaybookThatReadsTheNetwork()
    {
        var ranker = new DiagBot.Playbooks.Triage.PlaybookRanker(new DiagBot.Playbooks.Classification.SymptomClassifier(), PlaybookCatalog.Create());

        var ranking = ranker.Rank(DiagBot.Playbooks.Triage.TaskFacts.From(StartupTasks.Task("PENDING")));

        Assert.Contains(ranking, r => r.Playbook.Id is TaskStuckProvisioning.Number or CannotPullContainer.Number);
    }

    private static Task<Verdict> InvestigateAsync(DiagBot.Diagnostics.Ecs.EcsTask task, ScriptedEvidence evidence) =>
        new TaskStuckProvisioningPlaybook().InvestigateAsync(StartupTasks.Context(task, evidence), CancellationToken.None);
}
