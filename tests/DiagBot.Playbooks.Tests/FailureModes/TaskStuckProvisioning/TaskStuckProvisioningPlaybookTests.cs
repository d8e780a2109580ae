using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 1 against the sandbox: the ledger-sync task waiting on a subnet with no free addresses.</summary>
[Collection(SandboxReads.Name)]
public sealed class TaskStuckProvisioningPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p01-task-stuck-provisioning";

    [Fact]
    public async Task Diagnose_SeededStuckTask_ConfirmsNoFreeIpsWithTheRealSubnet()
    {
        var context = await sandbox.TaskContextAsync(Scenario);
        var subnetId = context.Task!.Attachments[0].Details["subnetId"];

        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((TaskStuckProvisioning.Number, VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.NoFreeIpsSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"--subnet-ids {subnetId}", first.Confirm, StringComparison.Ordinal);
        Assert.Contains("--region us-east-1", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "ec2:DescribeSubnets" && e.Value == "0");
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Diagnose_SeededStuckTask_ChartsTheSubnetsZeroFreeAddressesAgainstIts251Usable()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var chart = Assert.Single(report.Verdicts[0].Charts);
        Assert.Equal("subnet-free-addresses", chart.Kind);
        Assert.Matches(@"^Subnet subnet-[0-9a-f]+ has 0 of 251 usable addresses free: task [0-9a-f]+ waits in PROVISIONING", chart.Title);
        Assert.Equal([251.0, 0.0], chart.Series.Select(s => s.Points.Single().Value));
        Assert.EndsWith("(10.0.64.0/24) free addresses", chart.Series[1].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_EarlierTaskStoppedOnEniTimeout_ConfirmsNoFreeIps()
    {
        var context = await sandbox.ServiceTaskContextAsync("ledger-sync", desiredStatus: "STOPPED");

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.NoFreeIpsSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Evidence, e => e.Value.Contains("network interface provisioning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_HealthyRunningTask_IsRuledOut()
    {
        var context = await sandbox.ServiceTaskContextAsync("orders-api");

        var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Diagnose_UnrelatedOomTask_DoesNotRankOrMatchPlaybook1()
    {
        var report = await sandbox.DiagnoseAsync("p07-task-oom");
        var verdict = await CreateSut().InvestigateAsync(await sandbox.TaskContextAsync("p07-task-oom"), CancellationToken.None);

        Assert.DoesNotContain(report.Verdicts, v => v.Playbook == TaskStuckProvisioning.Number && v.Status.IsFailureFound());
        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Fact]
    public async Task Investigate_SubnetsDenied_NamesTheGapAndIsNotConfirmed()
    {
        var verdict = await InvestigateWithFaultAsync("ec2", "DescribeSubnets");

        Assert.NotEqual(VerdictStatus.Confirmed, verdict.Status);
        Assert.True(verdict.Status.IsFailureFound(), verdict.RootCause);
        Assert.Contains(verdict.Missing, gap => gap.Operation == "DescribeSubnets");
    }

    [Theory]
    [InlineData("ec2", "DescribeRouteTables")]
    [InlineData("ec2", "DescribeVpcEndpoints")]
    [InlineData("ecs", "DescribeServices")]
    public async Task Investigate_SupportingSourceDenied_StillConfirmsFromTheSubnetAndNamesTheGap(string service, string operation)
    {
        var verdict = await InvestigateWithFaultAsync(service, operation);

        Assert.Equal((VerdictStatus.Confirmed, TaskStuckProvisioningPlaybook.NoFreeIpsSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Missing, gap => gap.Operation == operation);
    }

    private async Task<Verdict> InvestigateWithFaultAsync(string service, string operation) =>
        await sandbox.InvestigateDeniedAsync(CreateSut(), await sandbox.TaskContextAsync(Scenario), service, operation);

    private static TaskStuckProvisioningPlaybook CreateSut() => new();
}
