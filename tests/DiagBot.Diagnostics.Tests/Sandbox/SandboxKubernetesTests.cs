using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Tests.Fakes;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The Kubernetes client (KubernetesClient over HTTP) against the sandbox's API server.</summary>
[Collection(SandboxReads.Name)]
public sealed class SandboxKubernetesTests(SharedSandbox shared)
{
    private const string Cluster = "sandbox-eks";
    private const string CrashingPod = "settlement-worker-5f6d7c8b9-t4n2p";
    private readonly SandboxServer _sandbox = shared.WithoutFaults();

    [Fact]
    public async Task GetPod_PendingScenario_ReadsPhase()
    {
        var result = await CreateSut().GetPodAsync(Cluster, "payments", "ledger-api-6c8f7d9b5-q2w8x", CancellationToken.None);

        Assert.Equal("Pending", result.Value!.Phase);
    }

    [Fact]
    public async Task ListEventsFor_PendingPod_ReadsFailedScheduling()
    {
        var result = await CreateSut().ListEventsForAsync(Cluster, "payments", "Pod", "ledger-api-6c8f7d9b5-q2w8x", CancellationToken.None);

        var scheduling = Assert.Single(result.Value!, e => e.Reason == "FailedScheduling");
        Assert.Equal("Warning", scheduling.Type);
        Assert.Contains("Insufficient memory", scheduling.Message, StringComparison.Ordinal);
        Assert.Equal(14, scheduling.Count);
    }

    [Fact]
    public async Task ListPods_ContainerCreatingScenario_ReadsWaitingReason()
    {
        var result = await CreateSut().ListPodsAsync(Cluster, "checkout", null, CancellationToken.None);

        var pod = Assert.Single(result.Value!, p => p.Name == "cart-worker-5b7c9d8f6-h4k2m");
        Assert.Equal("ContainerCreating", Assert.Single(pod.ContainerStatuses).WaitingReason);
    }

    [Fact]
    public async Task ListNodes_ReadsTaintsAndAllocatable()
    {
        var result = await CreateSut().ListNodesAsync(Cluster, null, CancellationToken.None);

        var nodes = result.Value!;
        Assert.NotEmpty(nodes);
        Assert.Contains(nodes, n => n.Taints.Any(t => t.Key == "dedicated" && t.Effect == "NoSchedule"));
        Assert.All(nodes, n => Assert.True(n.Allocatable.ContainsKey("memory")));
    }

    [Fact]
    public async Task GetAwsNodeDaemonSet_ReadsPrefixDelegationOff()
    {
        var result = await CreateSut().GetAwsNodeDaemonSetAsync(Cluster, CancellationToken.None);

        var container = Assert.Single(result.Value!.Containers);
        Assert.Equal("false", container.Env["ENABLE_PREFIX_DELEGATION"]);
        Assert.False(container.Env.ContainsKey("MY_NODE_NAME"));
    }

    [Fact]
    public async Task GetPod_UnknownPod_IsNotFound()
    {
        var result = await CreateSut().GetPodAsync(Cluster, "payments", "nope", CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Equal(("kubernetes", "get pods"), (result.Gap.Source, result.Gap.Operation));
    }

    [Fact]
    public async Task GetPod_UnconfiguredCluster_SaysWhereToConfigureIt()
    {
        var result = await CreateSut().GetPodAsync("elsewhere", "payments", "x", CancellationToken.None);

        Assert.Equal(GapReason.InvalidRequest, result.Gap!.Reason);
        Assert.Contains("DiagBot:Kubernetes:Clusters", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPods_SandboxDeniesWithFault_IsAccessDeniedNamingTheRbacRule()
    {
        _sandbox.Faults.Set("kubernetes", SandboxFaults.AnyOperation, new SandboxFault { Kind = SandboxFaultKind.AccessDenied });

        var result = await CreateSut().ListPodsAsync(Cluster, "payments", null, CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Contains("list pods", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPodLog_PreviousRunOfCrashingContainer_ReadsItsLastLines()
    {
        var result = await CreateSut().GetPodLogAsync(Cluster, new KubeLogQuery("payments", CrashingPod, "settlement-worker", Previous: true, TailLines: 3), CancellationToken.None);

        Assert.Equal(3, result.Value!.Count);
        Assert.EndsWith("FATAL cannot start without a database connection; exiting with status 1", result.Value[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPod_OomKilledPod_ReadsLastStateAndLimits()
    {
        var result = await CreateSut().GetPodAsync(Cluster, "checkout", "pricing-engine-7d9f8b6c5-m3x7q", CancellationToken.None);

        var status = Assert.Single(result.Value!.ContainerStatuses);
        Assert.Equal(("OOMKilled", 137, 3), (status.LastTerminatedReason, status.LastTerminatedExitCode, status.RestartCount));
        Assert.NotNull(status.LastTerminatedFinishedAt);
        var container = Assert.Single(result.Value.Containers);
        Assert.Equal(("256Mi", "256Mi"), (container.Limits["memory"], container.Requests["memory"]));
        Assert.Equal((30L, "Always", "ReplicaSet"), (result.Value.TerminationGracePeriodSeconds, result.Value.RestartPolicy, result.Value.Owner!.Kind));
    }

    [Fact]
    public async Task GetPodLog_PreviousOfContainerThatNeverRestarted_IsAGapWithTheServersReason()
    {
        var result = await CreateSut().GetPodLogAsync(Cluster, new KubeLogQuery("shop", "web-7f9c6d5b8-k7p2n", "web", Previous: true, TailLines: 20), CancellationToken.None);

        Assert.Equal(("kubernetes", "get pods/log", GapReason.InvalidRequest), (result.Gap!.Source, result.Gap.Operation, result.Gap.Reason));
        Assert.Contains("previous terminated container \"web\"", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPodLog_SandboxDeniesTheSubresource_IsAccessDeniedNamingTheRbacRule()
    {
        _sandbox.Faults.Set("kubernetes", "pods/log", new SandboxFault { Kind = SandboxFaultKind.AccessDenied });

        var result = await CreateSut().GetPodLogAsync(Cluster, new KubeLogQuery("payments", CrashingPod, "settlement-worker", Previous: true, TailLines: 20), CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Contains("get pods/log", result.Gap.Detail, StringComparison.Ordinal);
    }

    private IKubernetesEvidence CreateSut()
    {
        var settings = EvidenceHarness.Settings(_sandbox.BaseAddress,
            ("DiagBot:Kubernetes:Clusters:0:Name", Cluster),
            ("DiagBot:Kubernetes:Clusters:0:Server", _sandbox.BaseAddress.ToString()));
        return EvidenceHarness.Build(settings).GetRequiredService<IEvidenceSessionFactory>().StartSession().Kubernetes;
    }
}
