using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Tests.Fakes;
using DiagBot.Playbooks.Tests.Support;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Tests.FailureModes;

/// <summary>Playbook 7 on EKS: OOMKilled is memory; 137 without it is the kubelet's SIGKILL, and the verdict says so.</summary>
[Collection(SandboxReads.Name)]
public sealed class PodOutOfMemoryTests(SandboxEvidenceFixture sandbox)
{
    [Fact]
    public async Task Diagnose_OomKilledPod_ConfirmsOomWithTheLimitAndTheNodesOomEvent()
    {
        var report = await sandbox.DiagnoseAsync("p07-eks-pod-oom");

        var first = report.Verdicts[0];
        Assert.Equal((TaskOutOfMemory.Number, VerdictStatus.Confirmed, PodOutOfMemory.OomSubCause), (first.Playbook, first.Status, first.SubCause));
        Assert.Contains("256Mi limit", first.RootCause, StringComparison.Ordinal);
        Assert.Contains(first.Evidence, e => e.Fact == "container pricing-engine resources.requests.memory / resources.limits.memory" && e.Value == "256Mi / 256Mi");
        Assert.Contains(first.Evidence, e => e.Source == "kubernetes:events" && e.Value.StartsWith("Memory cgroup out of memory: Killed process 28731 (java)", StringComparison.Ordinal));
        Assert.Contains(first.Fix, step => step.Contains("set resources deployment/pricing-engine -c pricing-engine --limits=memory=512Mi", StringComparison.Ordinal));
        Assert.StartsWith("kubectl --context sandbox-eks -n checkout get pod pricing-engine-7d9f8b6c5-m3x7q", first.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_OomKilledPod_ChartsContainerInsightsPodMemoryReachingItsLimitAtTheKill()
    {
        var report = await sandbox.DiagnoseAsync("p07-eks-pod-oom");

        var first = report.Verdicts[0];
        var chart = Assert.Single(first.Charts);
        Assert.Equal(("memory-vs-limit", "MiB"), (chart.Kind, chart.Unit));
        Assert.StartsWith("Pod pricing-engine-7d9f8b6c5-m3x7q memory reached its 256 MiB limit before pricing-engine was OOMKilled at ",
            chart.Title, StringComparison.Ordinal);
        Assert.Equal(256, Assert.Single(chart.Thresholds).Value);
        Assert.Equal(256, chart.Series[0].Points.Max(p => p.Value));
        Assert.Contains(first.Evidence, e => e.Source == "cloudwatch:GetMetricData" && e.Value == "256 MiB of 256 MiB");
        Assert.DoesNotContain(first.Fix, step => step.Contains("amazon-cloudwatch-observability", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("256Mi", 256.0)]
    [InlineData("1Gi", 1024.0)]
    [InlineData("268435456", 256.0)]
    [InlineData("lots", null)]
    public void MiB_KubernetesQuantity_IsReadInMebibytes(string quantity, double? expected)
    {
        Assert.Equal(expected, PodMemoryEvidence.MiB(quantity));
    }

    [Fact]
    public async Task Investigate_LivenessProbeKilled137_IsNotMemory()
    {
        var verdict = await new TaskOutOfMemoryPlaybook().InvestigateAsync(await sandbox.PodContextAsync("lookalike-eks-liveness-137"), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, PodOutOfMemory.LivenessKillSubCause), (verdict.Status, verdict.SubCause));
        Assert.StartsWith("Not memory: container fraud-scorer", verdict.RootCause, StringComparison.Ordinal);
        Assert.Contains("liveness probe failed", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_137AfterAStopWithoutProbe_IsTheGracePeriodSigKill()
    {
        var world = new FakePodWorld();
        var pod = FakePodWorld.Pod(new KubeContainerStatus { Name = "worker", Running = true, RestartCount = 1, LastTerminatedReason = "Error", LastTerminatedExitCode = 137 }) with { TerminationGracePeriodSeconds = 10 };

        var verdict = await new TaskOutOfMemoryPlaybook().InvestigateAsync(world.Context(pod), CancellationToken.None);

        Assert.Equal((VerdictStatus.RuledOut, PodOutOfMemory.GracePeriodSubCause), (verdict.Status, verdict.SubCause));
        Assert.Contains("10 s grace period", verdict.RootCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Investigate_HealthyPod_IsRuledOut()
    {
        var verdict = await new TaskOutOfMemoryPlaybook().InvestigateAsync(await sandbox.PodContextAsync("healthy-pod-shop-web"), CancellationToken.None);

        Assert.Equal(VerdictStatus.RuledOut, verdict.Status);
        Assert.Null(verdict.SubCause);
    }

    [Fact]
    public async Task Investigate_NodeEventsDenied_StillConfirmsFromThePodAndNamesTheGap()
    {
        var verdict = await sandbox.InvestigateDeniedAsync(new TaskOutOfMemoryPlaybook(), await sandbox.PodContextAsync("p07-eks-pod-oom"), "kubernetes", "events");

        Assert.Equal(VerdictStatus.Confirmed, verdict.Status);
        Assert.Contains(verdict.Missing, gap => gap.Source == "kubernetes" && gap.Operation == "list events");
    }
}
