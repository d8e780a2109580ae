using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 14 on EKS: runc's "exec format error" in a crash-looping container, the node's arch label against the image's.</summary>
[Collection(SandboxReads.Name)]
public sealed class ExecFormatErrorOnEksTests(SandboxEvidenceFixture sandbox)
{
    private const string Node = "ip-10-0-21-94.ec2.internal";
    private const string Pod = "tax-calculator-6c8f7d9b5-w7q9z";
    private const string Line = "exec /usr/local/bin/tax-calculator: exec format error";

    [Fact]
    public async Task Diagnose_AmdOnlyImageOnGravitonNode_ConfirmsExecFormatErrorBeforeTheCrashLoop()
    {
        var report = await sandbox.DiagnoseAsync("p14-eks-exec-format-error");

        var first = report.Verdicts[0];
        Assert.Equal((ExecFormatError.Number, VerdictStatus.Confirmed, ExecFormatErrorPlaybook.ArchitectureMismatchSubCause),
            (first.Playbook, first.Status, first.SubCause));
        Assert.Contains($"node {Node} is arm64", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("has no arm64 build", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:pods/log" && e.Value == Line);
        Assert.Contains(first.Evidence, e => e.Fact == "the same image on node ip-10-0-37-112.ec2.internal (amd64)");
        Assert.Contains(first.Fix, step => step.Contains("docker buildx build --platform linux/amd64,linux/arm64", StringComparison.Ordinal));
        Assert.Contains(first.Fix, step => step.Contains("nodeSelector: {kubernetes.io/arch: amd64}", StringComparison.Ordinal));
        Assert.Equal(
            $"kubectl --context sandbox-eks get node {Node} -L kubernetes.io/arch && "
            + $"kubectl --context sandbox-eks -n checkout logs {Pod} -c tax-calculator --previous --tail 20",
            first.Confirm);

        var loop = Assert.Single(report.Verdicts, v => v.Playbook == CrashLoop.Number);
        Assert.Equal(PodCrashLoop.ExecFormatSubCause, loop.SubCause);
        Assert.Contains(Line, loop.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_MultiArchImageRunningOnGraviton_IsRuledOut()
    {
        var context = await sandbox.PodContextAsync("lookalike-graviton-multiarch");

        var verdict = await new ExecFormatErrorPlaybook().InvestigateAsync(context, CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("on arm64 node ip-10-0-52-36.ec2.internal was not refused by the kernel", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("current run", verdict.RootCause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p08-eks-pod-crash-loop")]
    [InlineData("healthy-pod-shop-web")]
    public async Task Investigate_CrashLoopForAnotherReasonOrHealthyPod_IsRuledOut(string scenario)
    {
        var verdict = await new ExecFormatErrorPlaybook().InvestigateAsync(await sandbox.PodContextAsync(scenario), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }

    [Fact]
    public async Task Diagnose_OrdinaryCrashLoop_DoesNotRankExecFormatError()
    {
        var report = await sandbox.DiagnoseAsync("p08-eks-pod-crash-loop");

        Assert.DoesNotContain(report.Ranking, r => r.Playbook.Id == ExecFormatError.Number);
        Assert.Equal(CrashLoop.Number, report.Verdicts[0].Playbook);
    }

    [Fact]
    public async Task Investigate_PodLogDenied_IsInconclusiveAndNamesTheGap()
    {
        var context = await sandbox.PodContextAsync("p14-eks-exec-format-error");

        var verdict = await sandbox.InvestigateDeniedAsync(new ExecFormatErrorPlaybook(), context, "kubernetes", "pods/log");

        Assert.Equal(VerdictStatus.Inconclusive, verdict.Status);
        Assert.Contains(verdict.Missing, g => g.Source == "kubernetes" && g.Operation.Contains("pods/log", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_NodesDenied_StillSeesTheLineButCannotConfirm()
    {
        var context = await sandbox.PodContextAsync("p14-eks-exec-format-error");

        var verdict = await sandbox.InvestigateDeniedAsync(new ExecFormatErrorPlaybook(), context, "kubernetes", "nodes");

        Assert.Equal((VerdictStatus.Likely, ExecFormatErrorPlaybook.ArchitectureUnverifiedSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(Line, verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Missing, g => g.Source == "kubernetes");
    }
}
