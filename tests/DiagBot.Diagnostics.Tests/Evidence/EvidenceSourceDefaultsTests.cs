using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Diagnostics.Tests.Evidence;

/// <summary>A source written when only ECS existed still compiles, and reports the newer evidence as missing.</summary>
public sealed class EvidenceSourceDefaultsTests
{
    [Fact]
    public async Task NewerSources_OnAnEcsOnlySource_AnswerGaps()
    {
        IEvidenceSource source = new EcsOnlySource();

        var health = await source.LoadBalancing.DescribeTargetHealthAsync("arn", CancellationToken.None);
        var subnets = await source.Network.DescribeSubnetsAsync(["subnet-1"], AwsScope.Default, CancellationToken.None);
        var services = await source.Ecs.DescribeServiceAsync("prod", "api", CancellationToken.None);

        Assert.Equal(("elasticloadbalancing", "DescribeTargetHealth"), (health.Gap!.Source, health.Gap.Operation));
        Assert.Equal("ec2", subnets.Gap!.Source);
        Assert.Equal("DescribeServices", services.Gap!.Operation);
        Assert.Empty(source.Kubernetes.Clusters);
    }

    private sealed class EcsOnlySource : IEvidenceSource, IEcsEvidence
    {
        public IEcsEvidence Ecs => this;

        public Task<EvidenceResult<EcsTask>> DescribeTaskAsync(EcsTaskRef task, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<EvidenceResult<EcsTaskDefinition>> DescribeTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
