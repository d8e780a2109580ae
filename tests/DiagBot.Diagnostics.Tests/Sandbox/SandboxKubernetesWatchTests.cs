using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Tests.Fakes;
using DiagBot.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The Warning-event watch (KubernetesClient's watch over HTTP) against the sandbox's API server, which a test changes and disconnects.</summary>
public sealed class SandboxKubernetesWatchTests : IAsyncLifetime
{
    private const string Cluster = "sandbox-eks";
    private const string Pod = "orders-api-7d9f8b6c5-abcde";
    private static readonly KubeWatchTarget Orders = new(Cluster, "orders");
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public void Targets_AreEachConfiguredClusterAndNamespace()
    {
        var sut = CreateSut("payments", "orders");

        Assert.Equal([new KubeWatchTarget(Cluster, "payments"), Orders], sut.Targets);
    }

    [Fact]
    public async Task ListWarnings_Payments_HasOnlyWarningsAndAResourceVersion()
    {
        var list = await CreateSut("payments").ListWarningsAsync(new KubeWatchTarget(Cluster, "payments"), CancellationToken.None);

        // FailedCreatePodSandBox: the look-alike lookalike-ipamd-restarted, a pod that recovered after aws-node came back.
        Assert.Equal(["BackOff", "FailedCreatePodSandBox", "FailedScheduling", "Unhealthy"], list.Items.Select(e => e.Reason).Order());
        var scheduling = Assert.Single(list.Items, e => e.Reason == "FailedScheduling");
        Assert.Equal("ledger-api-6c8f7d9b5-q2w8x", scheduling.InvolvedName);
        Assert.Equal(14, scheduling.Count);
        Assert.Equal(_sandbox.Kubernetes.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), list.ResourceVersion);
    }

    [Fact]
    public async Task Watch_AfterADroppedConnection_ResumesFromTheLastResourceVersionWithoutLossOrRepeat()
    {
        var sut = CreateSut("orders");
        var list = await sut.ListWarningsAsync(Orders, CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var seen = new List<KubeWatchChange>();
        await using (var first = sut.WatchWarningsAsync(Orders, list.ResourceVersion, deadline.Token).GetAsyncEnumerator(deadline.Token))
        {
            _sandbox.Kubernetes.AddPodEvent("orders", Pod, "Warning", "BackOff", "Back-off restarting failed container api");
            Assert.True(await first.MoveNextAsync());
            seen.Add(first.Current);
            _sandbox.Kubernetes.DropWatches();
            Assert.False(await first.MoveNextAsync());
        }

        // While nobody watches, the pod goes on failing.
        _sandbox.Kubernetes.AddPodEvent("orders", Pod, "Warning", "Unhealthy", "Liveness probe failed: HTTP probe failed with statuscode: 500");
        await using (var resumed = sut.WatchWarningsAsync(Orders, seen[^1].ResourceVersion, deadline.Token).GetAsyncEnumerator(deadline.Token))
        {
            Assert.True(await resumed.MoveNextAsync());
            seen.Add(resumed.Current);
        }

        Assert.Equal(["BackOff", "Unhealthy"], seen.Select(c => c.Event!.Reason));
        Assert.All(seen, c => Assert.Equal(KubeWatchChangeType.Added, c.Type));
    }

    [Fact]
    public async Task Watch_FromAnExpiredResourceVersion_ThrowsExpiredSoTheCallerListsAgain()
    {
        var sut = CreateSut("orders");
        var list = await sut.ListWarningsAsync(Orders, CancellationToken.None);
        _sandbox.Kubernetes.AddPodEvent("orders", Pod, "Warning", "BackOff", "Back-off restarting failed container api");
        _sandbox.Kubernetes.ExpireHistory();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<KubeWatchException>(async () =>
        {
            await foreach (var change in sut.WatchWarningsAsync(Orders, list.ResourceVersion, deadline.Token))
            {
                Assert.Fail($"no change expected, got {change}");
            }
        });
        var relisted = await sut.ListWarningsAsync(Orders, CancellationToken.None);

        Assert.True(error.Expired, error.Message);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal("BackOff", Assert.Single(relisted.Items).Reason);
    }

    [Fact]
    public async Task Watch_NormalEventElsewhere_IsABookmarkWithTheNewResourceVersion()
    {
        var sut = CreateSut("orders");
        var list = await sut.ListWarningsAsync(Orders, CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = sut.WatchWarningsAsync(Orders, list.ResourceVersion, deadline.Token).GetAsyncEnumerator(deadline.Token);

        _sandbox.Kubernetes.AddPodEvent("orders", Pod, "Normal", "Pulled", "Container image already present on machine");
        Assert.True(await watch.MoveNextAsync());

        Assert.Equal(KubeWatchChangeType.Bookmark, watch.Current.Type);
        Assert.Null(watch.Current.Event);
        Assert.Equal(_sandbox.Kubernetes.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), watch.Current.ResourceVersion);
    }

    private IKubernetesEventWatch CreateSut(params string[] namespaces)
    {
        var settings = EvidenceHarness.Settings(_sandbox.BaseAddress,
        [
            ("DiagBot:Kubernetes:Clusters:0:Name", Cluster),
            ("DiagBot:Kubernetes:Clusters:0:Server", _sandbox.BaseAddress.ToString()),
            .. namespaces.Select((ns, i) => ($"DiagBot:Kubernetes:Clusters:0:WatchNamespaces:{i}", (string?)ns)),
        ]);
        return EvidenceHarness.Build(settings).GetRequiredService<IKubernetesEventWatch>();
    }
}
