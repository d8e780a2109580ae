using System.Reflection;
using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Diagnostics.Tests.Evidence;

/// <summary>
/// Every member of an interface is written by each client on purpose, so a client (or a decorator of one) cannot forget a
/// source or an operation and report real evidence as missing: no interface has a default (InterfaceDefaultsTests, in the
/// conventions, checks every room) and no live client takes one. A whole source a session does not offer (Kubernetes
/// without clusters, say) is named as its No*Evidence stand-in, which answers gaps.
/// </summary>
public sealed class EvidenceInterfacesTests
{
    private static readonly Assembly Diagnostics = typeof(IEvidenceSource).Assembly;

    public static TheoryData<Type> EvidenceInterfaces() =>
        [.. Diagnostics.GetTypes().Where(t => t.IsInterface && t.IsPublic && t.Name.EndsWith("Evidence", StringComparison.Ordinal))];

    [Fact]
    public void LiveClients_ImplementEveryMemberOfTheirInterfaces()
    {
        var implementations = Diagnostics.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(client => client.GetInterfaces().Where(i => i.Assembly == Diagnostics).Select(contract => (client, contract)))
            .ToList();
        var inherited = implementations
            .SelectMany(c => c.client.GetInterfaceMap(c.contract).TargetMethods
                .Where(m => m.DeclaringType is { IsInterface: true })
                .Select(m => $"{c.client.Name} takes {c.contract.Name}.{m.Name} from a default"))
            .ToList();

        Assert.Contains(implementations, c => (c.client.Name, c.contract) == ("EvidenceSession", typeof(IEvidenceSource)));
        Assert.Contains(implementations, c => (c.client.Name, c.contract) == ("KubernetesEvidenceClient", typeof(IKubernetesEvidence)));
        Assert.Empty(inherited);
    }

    [Theory]
    [MemberData(nameof(EvidenceInterfaces))]
    public void EvidenceInterfaces_HaveALiveClient(Type evidence)
    {
        var live = Diagnostics.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && evidence.IsAssignableFrom(t)
            && t.Namespace?.EndsWith(".Live", StringComparison.Ordinal) == true);

        Assert.NotEmpty(live);
    }

    [Fact]
    public async Task SourcesASessionDoesNotOffer_AnswerGaps()
    {
        IEvidenceSource source = new EcsOnlySource();

        var health = await source.LoadBalancing.DescribeTargetHealthAsync("arn", CancellationToken.None);
        var subnets = await source.Network.DescribeSubnetsAsync(["subnet-1"], AwsScope.Default, CancellationToken.None);
        var listeners = await source.LoadBalancing.DescribeListenersAsync("arn", CancellationToken.None);
        var metrics = await source.Metrics.GetMetricDataAsync(
            new MetricRequest([], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal(("elasticloadbalancing", "DescribeTargetHealth"), (health.Gap!.Source, health.Gap.Operation));
        Assert.Equal("ec2", subnets.Gap!.Source);
        Assert.Equal("DescribeListeners", listeners.Gap!.Operation);
        Assert.Equal(("monitoring", "GetMetricData"), (metrics.Gap!.Source, metrics.Gap.Operation));
        Assert.Empty(source.Kubernetes.Clusters);
        Assert.Null(source.Kubernetes.EksClusterOf("any"));
    }

    private sealed class EcsOnlySource : IEvidenceSource
    {
        public IEcsEvidence Ecs => throw new NotSupportedException();

        public ILoadBalancingEvidence LoadBalancing => NoLoadBalancingEvidence.Instance;

        public ILogsEvidence Logs => NoLogsEvidence.Instance;

        public IAuditTrailEvidence AuditTrail => NoAuditTrailEvidence.Instance;

        public INetworkEvidence Network => NoNetworkEvidence.Instance;

        public IKubernetesEvidence Kubernetes => NoKubernetesEvidence.Instance;

        public IEksEvidence Eks => NoEksEvidence.Instance;

        public IMetricsEvidence Metrics => NoMetricsEvidence.Instance;

        public IReadOnlyList<AwsScope> Scopes => [AwsScope.Default];
    }
}
