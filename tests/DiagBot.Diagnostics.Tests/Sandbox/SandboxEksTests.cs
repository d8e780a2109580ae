using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Sandbox;

namespace DiagBot.Diagnostics.Tests.Sandbox;

/// <summary>The EKS, EC2 instance and node reads against the sandbox: what an EKS diagnosis reads beside the pod.</summary>
public sealed class SandboxEksTests : IAsyncLifetime
{
    private const string Cluster = "sandbox-eks";
    private const string EksCluster = "prod-eks";
    private const string NodeA = "ip-10-0-4-21.ec2.internal";
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task DescribeCluster_ReadsTheClusterSecurityGroupAndVpc()
    {
        var result = await Start().Eks.DescribeClusterAsync(EksCluster, AwsScope.Default, CancellationToken.None);

        var cluster = result.Value!;
        Assert.Equal(("ACTIVE", "1.31"), (cluster.Status, cluster.Version));
        Assert.StartsWith("sg-", Assert.Single(cluster.ControlPlaneSecurityGroupIds), StringComparison.Ordinal);
        Assert.StartsWith("vpc-", cluster.VpcId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFargateProfiles_ReadsSelectorsThroughListThenDescribe()
    {
        var result = await Start().Eks.ListFargateProfilesAsync(EksCluster, AwsScope.Default, CancellationToken.None);

        var reports = Assert.Single(result.Value!, p => p.Name == "fp-reports");
        Assert.True(reports.Selects("reports", new Dictionary<string, string> { ["compute"] = "fargate", ["app"] = "x" }));
        Assert.False(reports.Selects("reports", new Dictionary<string, string> { ["app"] = "x" }));
    }

    [Fact]
    public async Task ListFargateProfiles_UnknownCluster_IsNotFoundWithEksMessage()
    {
        var result = await Start().Eks.ListFargateProfilesAsync("nope", AwsScope.Default, CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
        Assert.Contains("No cluster found for name: nope.", result.Gap.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeInstances_NodeInstance_ReadsSubnetGroupsAndLifecycle()
    {
        var evidence = Start();
        var node = (await evidence.Kubernetes.GetNodeAsync(Cluster, NodeA, CancellationToken.None)).Value!;

        var result = await evidence.Network.DescribeInstancesAsync([node.InstanceId!], AwsScope.Default, CancellationToken.None);

        var instance = Assert.Single(result.Value!);
        Assert.Equal(("10.0.4.21", false, "x86_64"), (instance.PrivateIpAddress, instance.IsSpot, instance.Architecture));
        Assert.Equal("ON_DEMAND", node.Labels["eks.amazonaws.com/capacityType"]);
        Assert.NotEmpty(instance.SecurityGroupIds);
    }

    [Fact]
    public async Task DescribeInstancesByPrivateIp_PodsHostIp_FindsTheNodesInstanceAndSubnet()
    {
        var result = await Start().Network.DescribeInstancesByPrivateIpAsync("10.0.37.112", AwsScope.Default, CancellationToken.None);

        var instance = Assert.Single(result.Value!);
        Assert.Equal("i-0b71d4e0c9a2f3b02", instance.InstanceId);
        Assert.StartsWith("subnet-", instance.SubnetId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNode_Deleted_IsNotFound()
    {
        var result = await Start().Kubernetes.GetNodeAsync(Cluster, "ip-10-9-9-9.ec2.internal", CancellationToken.None);

        Assert.Equal(GapReason.NotFound, result.Gap!.Reason);
    }

    [Fact]
    public async Task GetPodLog_KubeletUnreachable_IsUnreachableNamingTheDial()
    {
        _sandbox.Kubernetes.MarkKubeletUnreachable("ip-10-0-4-21.ec2.internal");
        _sandbox.Kubernetes.KubeletDialTimeout = TimeSpan.FromMilliseconds(100);

        var result = await Start().Kubernetes.GetPodLogAsync(Cluster, new KubeLogQuery("shop", "web-7f9c6d5b8-k7p2n", "web", Previous: false, TailLines: 20), CancellationToken.None);

        Assert.Equal(GapReason.Unreachable, result.Gap!.Reason);
        var dial = KubeletDialFailure.From(result.Gap)!;
        Assert.Equal(("10.0.4.21", 10250, "i/o timeout"), (dial.Address, dial.Port, dial.Error));
    }

    [Fact]
    public async Task GetPodLog_OneNodesKubeletUnreachableAgainAndAgain_EachReadStillNamesTheDialAndTheClustersOtherReadsAnswer()
    {
        _sandbox.Kubernetes.MarkKubeletUnreachable(NodeA);
        _sandbox.Kubernetes.KubeletDialTimeout = TimeSpan.Zero;
        var evidence = SandboxSession.Start(_sandbox,
            ("DiagBot:Kubernetes:Clusters:0:Name", Cluster),
            ("DiagBot:Kubernetes:Clusters:0:Server", _sandbox.BaseAddress.ToString()),
            ("DiagBot:Aws:Resilience:MaxRetries", "0"),
            ("DiagBot:Aws:Resilience:BreakerMinimumThroughput", "2"));

        // Four reads the session cannot answer from its cache: a breaker that counted them would open after two.
        var reads = new List<EvidenceResult<IReadOnlyList<string>>>();
        for (var lines = 1; lines <= 4; lines++)
        {
            var query = new KubeLogQuery("shop", "web-7f9c6d5b8-k7p2n", "web", Previous: false, lines);
            reads.Add(await evidence.Kubernetes.GetPodLogAsync(Cluster, query, CancellationToken.None));
        }

        var pod = await evidence.Kubernetes.GetPodAsync(Cluster, "shop", "web-7f9c6d5b8-k7p2n", CancellationToken.None);

        Assert.All(reads, read => Assert.Equal("10.0.4.21", KubeletDialFailure.From(read.Gap)?.Address));
        Assert.Equal(NodeA, pod.Value?.NodeName);
    }

    [Fact]
    public async Task GetPodLog_KubeletStillDialingPastTheCallTimeout_IsTimedOutAndReadsAsStillDialing()
    {
        _sandbox.Kubernetes.MarkKubeletUnreachable(NodeA);
        var session = SandboxSession.Start(_sandbox,
            ("DiagBot:Kubernetes:Clusters:0:Name", Cluster),
            ("DiagBot:Kubernetes:Clusters:0:Server", _sandbox.BaseAddress.ToString()),
            ("DiagBot:Aws:CallTimeout", "00:00:01"));

        var query = new KubeLogQuery("shop", "web-7f9c6d5b8-k7p2n", "web", Previous: false, TailLines: 1);
        var result = await session.Kubernetes.GetPodLogAsync(Cluster, query, CancellationToken.None);

        Assert.Equal(GapReason.TimedOut, result.Gap!.Reason);
        Assert.Null(KubeletDialFailure.From(result.Gap));
        var dial = KubeletDialFailure.Unanswered(result.Gap, "10.0.4.21")!;
        Assert.Equal(("10.0.4.21", 10250, true), (dial.Address, dial.Port, dial.StillDialing));
    }

    private IEvidenceSource Start() => SandboxSession.Start(_sandbox,
        ("DiagBot:Kubernetes:Clusters:0:Name", Cluster),
        ("DiagBot:Kubernetes:Clusters:0:Server", _sandbox.BaseAddress.ToString()));
}
