using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 1 against its look-alike: a task that entered PROVISIONING seconds ago in a subnet with room is starting, not stuck.</summary>
[Collection(SandboxReads.Name)]
public sealed class TaskStuckProvisioningLookalikeTests(SandboxEvidenceFixture sandbox)
{
    private const string Lookalike = "lookalike-task-provisioning-seconds";

    [Fact]
    public async Task Investigate_TaskProvisioningForSecondsInASubnetWithRoom_IsRuledOutWithTheSubnetsFreeAddresses()
    {
        var verdict = await new TaskStuckProvisioningPlaybook().InvestigateAsync(await sandbox.TaskContextAsync(Lookalike), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, null), (verdict.Status, verdict.SubCause));
        Assert.Contains("has been PROVISIONING for only", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Source == "ec2:DescribeSubnets" && e.Value == "7912");
        Assert.Contains(verdict.Evidence, e => e.Source == "ecs:DescribeTasks" && e.Fact == "task lastStatus" && e.Value == "PROVISIONING");
    }

    [Fact]
    public async Task Diagnose_TaskProvisioningForSeconds_FindsNoFailure()
    {
        var report = await sandbox.DiagnoseAsync(Lookalike);

        Assert.False(report.FoundFailure, string.Join(" | ", report.Verdicts.Select(v => $"{v.Playbook} {v.Status}: {v.RootCause}")));
        Assert.DoesNotContain(report.Verdicts, v => v.Playbook == TaskStuckProvisioning.Number && v.Status != VerdictStatus.RuledOut);
    }
}
