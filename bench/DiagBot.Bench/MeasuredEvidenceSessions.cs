using DiagBot.Diagnostics.Evidence;

namespace DiagBot.Bench;

/// <summary>
/// Decorates the live session factory: each session's sources are wrapped so calls are counted, and, when
/// <paramref name="sequential"/>, one gate per diagnosis lets only one evidence call run at a time.
/// </summary>
internal sealed class MeasuredEvidenceSessions(IEvidenceSessionFactory inner, bool sequential, EvidenceCallCounter counter) : IEvidenceSessionFactory
{
    public IEvidenceSource StartSession()
    {
#pragma warning disable CA2000 // the gate lives as long as the session; SemaphoreSlim without AvailableWaitHandle holds nothing to free
        var gate = sequential ? new SemaphoreSlim(1, 1) : null;
#pragma warning restore CA2000
        return new MeasuredEvidenceSource(inner.StartSession(), gate, counter);
    }

    private sealed class MeasuredEvidenceSource(IEvidenceSource inner, SemaphoreSlim? gate, EvidenceCallCounter counter) : IEvidenceSource
    {
        public Diagnostics.Ecs.IEcsEvidence Ecs { get; } = SerialisingProxy<Diagnostics.Ecs.IEcsEvidence>.Wrap(inner.Ecs, gate, counter);

        public Diagnostics.LoadBalancing.ILoadBalancingEvidence LoadBalancing { get; } = SerialisingProxy<Diagnostics.LoadBalancing.ILoadBalancingEvidence>.Wrap(inner.LoadBalancing, gate, counter);

        public Diagnostics.Logs.ILogsEvidence Logs { get; } = SerialisingProxy<Diagnostics.Logs.ILogsEvidence>.Wrap(inner.Logs, gate, counter);

        public Diagnostics.AuditTrail.IAuditTrailEvidence AuditTrail { get; } = SerialisingProxy<Diagnostics.AuditTrail.IAuditTrailEvidence>.Wrap(inner.AuditTrail, gate, counter);

        public Diagnostics.Network.INetworkEvidence Network { get; } = SerialisingProxy<Diagnostics.Network.INetworkEvidence>.Wrap(inner.Network, gate, counter);

        public Diagnostics.Kubernetes.IKubernetesEvidence Kubernetes { get; } = SerialisingProxy<Diagnostics.Kubernetes.IKubernetesEvidence>.Wrap(inner.Kubernetes, gate, counter);

        public Diagnostics.Eks.IEksEvidence Eks { get; } = SerialisingProxy<Diagnostics.Eks.IEksEvidence>.Wrap(inner.Eks, gate, counter);

        /// <summary>Every source is forwarded: one left to the interface's default would read as a gap and go unmeasured.</summary>
        public Diagnostics.Metrics.IMetricsEvidence Metrics { get; } =
            SerialisingProxy<Diagnostics.Metrics.IMetricsEvidence>.Wrap(inner.Metrics, gate, counter);

        public IReadOnlyList<Diagnostics.Aws.AwsScope> Scopes => inner.Scopes;
    }
}
