using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;
using DiagBot.Sandbox;

namespace DiagBot.Playbooks.Tests.FailureModes;

[Collection(SandboxReads.Name)]
public sealed class EksPodsContainerCreatingPlaybookTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_SeededPod_ConfirmsSubnetOutOfIpsFirst()
    {
        var report = await sandbox.DiagnoseAsync("p10-pod-container-creating");

        var first = report.Verdicts[0];
        Assert.Equal((EksPodsContainerCreating.Number, VerdictStatus.Confirmed, EksPodsContainerCreatingPlaybook.SubnetExhausted),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("has 0 free addresses and prefix delegation is off", first.RootCause, StringComparison.Ordinal);
        Assert.Matches(@"aws ec2 describe-subnets --subnet-ids subnet-[0-9a-f]+ ", first.Confirm);
    }

    [Fact]
    public async Task Diagnose_SeededPod_ChartsTheNodeSubnetsFreeAddressesAgainstItsSize()
    {
        var report = await sandbox.DiagnoseAsync("p10-pod-container-creating");

        var chart = Assert.Single(report.Verdicts[0].Charts);
        Assert.Equal("subnet-free-addresses", chart.Kind);
        Assert.Contains("has 0 of 251 usable addresses free: pod ", chart.Title, StringComparison.Ordinal);
        Assert.Equal([251.0, 0.0], chart.Series.Select(s => s.Points.Single().Value));
    }

    [Theory]
    [InlineData("lookalike-pod-just-scheduled")]
    [InlineData("healthy-pod-shop-web")]
    [InlineData("p09-pod-pending")]
    public async Task Investigate_PodsWithoutSandboxFailures_AreRuledOut(string scenario)
    {
        var verdict = await new EksPodsContainerCreatingPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
    }

    [Theory]
    [InlineData("ec2", "DescribeSubnets")]
    [InlineData("kubernetes", "daemonsets")]
    public async Task Investigate_NetworkEvidenceDenied_IsLikelyNotConfirmedAndNamesTheGap(string service, string operation)
    {
        var context = await sandbox.PodContextAsync("p10-pod-container-creating");
        sandbox.Sandbox.Faults.Set(service, operation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });
        try
        {
            var verdict = await new EksPodsContainerCreatingPlaybook().InvestigateAsync(context, CancellationToken.None);

            Assert.Equal(VerdictStatus.Likely, verdict.Status);
            Assert.NotEmpty(verdict.Missing);
        }
        finally
        {
            sandbox.Sandbox.Faults.Clear();
        }
    }
}
