using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 8 on EKS: the back-off, the last exit and the previous run's log; each kind of loop named.</summary>
[Collection(SandboxReads.Name)]
public sealed class PodCrashLoopTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_CrashLoopingPod_ConfirmsWithThePreviousRunsFatalLine()
    {
        var report = await sandbox.DiagnoseAsync("p08-eks-pod-crash-loop");

        var first = report.Verdicts[0];
        Assert.Equal((CrashLoop.Number, VerdictStatus.Confirmed, PodCrashLoop.NonZeroExitSubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("restarted 14 times, its last run ended Error with exit 1", first.RootCause, StringComparison.Ordinal);
        Assert.Contains("FATAL config: SETTLEMENT_DB_DSN is required but empty", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:pods/log");
        Assert.StartsWith("kubectl --context sandbox-eks -n payments logs settlement-worker-5f6d7c8b9-t4n2p -c settlement-worker --previous --tail 20", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_PodLogDenied_IsLikelyAndNamesTheGap()
    {
        var verdict = await sandbox.InvestigateDeniedAsync(new CrashLoopPlaybook(), await sandbox.PodContextAsync("p08-eks-pod-crash-loop"), "kubernetes", "pods/log");

        Assert.Equal((VerdictStatus.Likely, PodCrashLoop.NonZeroExitSubCause), (verdict.Status, verdict.SubCause));
        var gap = Assert.Single(verdict.Missing);
        Assert.Equal(("kubernetes", "get pods/log"), (gap.Source, gap.Operation));
        Assert.Contains("could not be read", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_ContainerThatExitsZeroUnderRestartAlways_IsTheExitZeroLoop()
    {
        var world = new FakePodWorld();
        world.PreviousLog.AddRange(["report written to s3://reports/2026-11-26.csv", "done"]);
        var pod = FakePodWorld.Pod(new KubeContainerStatus { Name = "worker", WaitingReason = "CrashLoopBackOff", RestartCount = 9, LastTerminatedReason = "Completed", LastTerminatedExitCode = 0 });

        var verdict = await new CrashLoopPlaybook().InvestigateAsync(world.Context(pod), CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, PodCrashLoop.ExitZeroSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("restartPolicy Always restarts every exit", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains(verdict.Fix, step => step.Contains("Job or CronJob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_LivenessProbeKillingEachRun_IsTheLivenessLoop()
    {
        var world = new FakePodWorld();
        var pod = FakePodWorld.Pod(new KubeContainerStatus { Name = "worker", WaitingReason = "CrashLoopBackOff", RestartCount = 6, LastTerminatedReason = "Error", LastTerminatedExitCode = 137 });
        var killing = FakePodWorld.Event("Normal", "Killing", "Container worker failed liveness probe, will be restarted");

        var verdict = await new CrashLoopPlaybook().InvestigateAsync(world.Context(pod, null, killing), CancellationToken.None);

        Assert.Equal((VerdictStatus.Confirmed, PodCrashLoop.LivenessSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains(verdict.Fix, step => step.Contains("startupProbe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Investigate_OneRestartAndRunningSince_IsNotALoop()
    {
        var verdict = await new CrashLoopPlaybook().InvestigateAsync(await sandbox.PodContextAsync("lookalike-eks-liveness-137"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Contains("fraud-scorer restarted 1 time(s)", verdict.RootCause, StringComparison.Ordinal);
    }
}
