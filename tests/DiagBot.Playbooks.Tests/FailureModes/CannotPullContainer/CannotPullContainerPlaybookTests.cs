using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 2 against the sandbox: payments-api pointing at a tag that was never pushed.</summary>
[Collection(SandboxReads.Name)]
public sealed class CannotPullContainerPlaybookTests(SandboxEvidenceFixture sandbox)
{
    private const string Scenario = "p02-cannot-pull-image";

    [Fact]
    public async Task Diagnose_SeededMissingTag_ConfirmsImageNotFoundWithTheRealRepositoryAndTag()
    {
        var report = await sandbox.DiagnoseAsync(Scenario);

        var first = report.Verdicts[0];
        Assert.Equal((CannotPullContainer.Number, VerdictStatus.Confirmed, CannotPullContainerPlaybook.ImageNotFoundSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("--region us-east-1 --repository-name payments-api --image-ids imageTag=3.9.0", first.Confirm, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "cloudtrail:LookupEvents" && e.Value.StartsWith("none of", StringComparison.Ordinal));
        Assert.Contains(first.Evidence, e => e.Source == "ec2:DescribeRouteTables" && e.Value.Contains("nat-", StringComparison.Ordinal));
        Assert.Empty(first.Missing);
    }

    [Fact]
    public async Task Investigate_HealthyRunningTask_IsRuledOut()
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.ServiceTaskContextAsync("orders-api"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("p07-task-oom")]
    [InlineData("p03-secrets-pull-failed")]
    [InlineData("lookalike-batch-exit-0")]
    public async Task Investigate_UnrelatedOrNeighbouringFailure_IsRuledOut(string scenario)
    {
        var verdict = await CreateSut().InvestigateAsync(await sandbox.TaskContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("ecs", "DescribeTaskDefinition")]
    [InlineData("cloudtrail", "LookupEvents")]
    [InlineData("ec2", "DescribeSubnets")]
    [InlineData("ec2", "DescribeRouteTables")]
    [InlineData("ec2", "DescribeVpcEndpoints")]
    [InlineData("ecs", "DescribeServices")]
    public async Task Investigate_SourceDenied_StillConfirmsFromTheRegistryAnswerAndNamesTheGap(string service, string operation)
    {
        var context = await sandbox.TaskContextAsync(Scenario);
        sandbox.Sandbox.Faults.Set(service, operation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await CreateSut().InvestigateAsync(context, CancellationToken.None);

            // The registry's "not found" in the task's reason decides it; the rest only rules out auth and network.
            Assert.Equal((VerdictStatus.Confirmed, CannotPullContainerPlaybook.ImageNotFoundSubCause), (verdict.Status, verdict.SubCause));
            Assert.Contains(verdict.Missing, gap => gap.Operation == operation);
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }

    private static CannotPullContainerPlaybook CreateSut() => new();
}
