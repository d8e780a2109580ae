using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Playbooks.Tests.Support;

/// <summary>Live sessions whose every source counts its reads in <paramref name="rounds"/>.</summary>
public sealed class RoundedEvidenceSessions(IEvidenceSessionFactory inner, EvidenceRounds rounds) : IEvidenceSessionFactory
{
    public IEvidenceSource StartSession() => new Source(inner.StartSession(), rounds);

    private sealed class Source(IEvidenceSource inner, EvidenceRounds rounds) : IEvidenceSource
    {
        public IEcsEvidence Ecs { get; } = RoundsProxy<IEcsEvidence>.Wrap(inner.Ecs, rounds);

        public ILoadBalancingEvidence LoadBalancing { get; } = RoundsProxy<ILoadBalancingEvidence>.Wrap(inner.LoadBalancing, rounds);

        public ILogsEvidence Logs { get; } = RoundsProxy<ILogsEvidence>.Wrap(inner.Logs, rounds);

        public IAuditTrailEvidence AuditTrail { get; } = RoundsProxy<IAuditTrailEvidence>.Wrap(inner.AuditTrail, rounds);

        public INetworkEvidence Network { get; } = RoundsProxy<INetworkEvidence>.Wrap(inner.Network, rounds);

        public IKubernetesEvidence Kubernetes { get; } = RoundsProxy<IKubernetesEvidence>.Wrap(inner.Kubernetes, rounds);

        public IEksEvidence Eks { get; } = RoundsProxy<IEksEvidence>.Wrap(inner.Eks, rounds);

        // Every source is forwarded: one left to the interface's default would read as a gap and go uncounted.
        public Diagnostics.Metrics.IMetricsEvidence Metrics { get; } = RoundsProxy<Diagnostics.Metrics.IMetricsEvidence>.Wrap(inner.Metrics, rounds);

        public IReadOnlyList<Diagnostics.Aws.AwsScope> Scopes => inner.Scopes;
    }
}
