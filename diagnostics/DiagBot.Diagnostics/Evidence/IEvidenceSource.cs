using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Diagnostics.Network;

namespace DiagBot.Diagnostics.Evidence;

/// <summary>
/// The evidence one diagnosis may read. Every source behind it shares one cache and one time budget,
/// so two playbooks asking for the same task definition cost one call.
/// </summary>
/// <remarks>
/// Sources added after ECS have default implementations that answer with gaps, so an implementation written
/// before a source existed (a test fake) still compiles and reports the evidence as missing.
/// </remarks>
public interface IEvidenceSource
{
    IEcsEvidence Ecs { get; }

    ILoadBalancingEvidence LoadBalancing => NoLoadBalancingEvidence.Instance;

    ILogsEvidence Logs => NoLogsEvidence.Instance;

    IAuditTrailEvidence AuditTrail => NoAuditTrailEvidence.Instance;

    INetworkEvidence Network => NoNetworkEvidence.Instance;

    IKubernetesEvidence Kubernetes => NoKubernetesEvidence.Instance;

    IEksEvidence Eks => NoEksEvidence.Instance;

    IMetricsEvidence Metrics => NoMetricsEvidence.Instance;

    /// <summary>Where a resource named without an ARN may be: every configured account and region, the default first.</summary>
    IReadOnlyList<AwsScope> Scopes => [AwsScope.Default];
}
