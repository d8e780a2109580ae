using System.Reflection;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Tests.Evidence;

/// <summary>
/// Every operation of an evidence interface is written by each client on purpose: none answers a gap by default, so a
/// client cannot forget one and report real evidence as missing. A whole source a session does not offer (Kubernetes
/// without clusters, say) is still answered with gaps.
/// </summary>
public sealed class EvidenceInterfacesTests
{
    private static readonly Assembly Diagnostics = typeof(IEvidenceSource).Assembly;

    public static TheoryData<Type> EvidenceInterfaces() =>
        [.. Diagnostics.GetTypes().Where(t => t.IsInterface && t.IsPublic && t.Name.EndsWith("Evidence", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(EvidenceInterfaces))]
    public void EvidenceOperations_HaveNoDefaultBody(Type evidence)
    {
        var defaulted = evidence.GetMethods()
            .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) && !m.IsAbstract)
            .Select(m => m.Name)
            .ToList();

        Assert.True(defaulted.Count == 0, $"{evidence.Name} answers these by default; make each client say what it does: " + string.Join(", ", defaulted));
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

        Assert.Equal(("elasticloadbalancing", "DescribeTargetHealth"), (health.Gap!.Source, health.Gap.Operation));
        Assert.Equal("ec2", subnets.Gap!.Source);
        Assert.Equal("DescribeListeners", listeners.Gap!.Operation);
        Assert.Empty(source.Kubernetes.Clusters);
    }

    private sealed class EcsOnlySource : IEvidenceSource
    {
        public IEcsEvidence Ecs => throw new NotSupportedException();
    }
}
