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

namespace DiagBot.Playbooks.Tests.Fakes;

/// <summary>
/// The one home of what an in-memory fake answers for the sources it does not hold: each is the product's own stand-in
/// for a source that is not configured, which answers gaps. A fake overrides the sources its tests fill, so a new source
/// on <see cref="IEvidenceSource"/> is added here once. A fake is its own session: every diagnosis reads the same world.
/// </summary>
internal abstract class EvidenceFake : IEvidenceSource, IEvidenceSessionFactory
{
    /// <summary>ECS is always configured, so every fake says which ECS it holds (an empty <see cref="ScriptedEvidence"/> at least).</summary>
    public abstract IEcsEvidence Ecs { get; }

    public virtual ILoadBalancingEvidence LoadBalancing => NoLoadBalancingEvidence.Instance;

    public virtual ILogsEvidence Logs => NoLogsEvidence.Instance;

    public virtual IAuditTrailEvidence AuditTrail => NoAuditTrailEvidence.Instance;

    public virtual INetworkEvidence Network => NoNetworkEvidence.Instance;

    public virtual IKubernetesEvidence Kubernetes => NoKubernetesEvidence.Instance;

    public virtual IEksEvidence Eks => NoEksEvidence.Instance;

    public virtual IMetricsEvidence Metrics => NoMetricsEvidence.Instance;

    /// <summary>The configured accounts and regions; the default scope (no account named) is the fake's own world.</summary>
    public IReadOnlyList<AwsScope> Scopes { get; set; } = [AwsScope.Default];

    public IEvidenceSource StartSession() => this;
}
