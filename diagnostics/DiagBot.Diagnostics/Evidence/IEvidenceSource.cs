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
/// No member has a default: a source left to one once read as a gap and hid a decorator that forgot Metrics. An
/// implementation without a source names its stand-in (<c>NoMetricsEvidence.Instance</c>, ...), which answers gaps.
/// </remarks>
public interface IEvidenceSource
{
    IEcsEvidence Ecs { get; }

    ILoadBalancingEvidence LoadBalancing { get; }

    ILogsEvidence Logs { get; }

    IAuditTrailEvidence AuditTrail { get; }

    INetworkEvidence Network { get; }

    IKubernetesEvidence Kubernetes { get; }

    IEksEvidence Eks { get; }

    IMetricsEvidence Metrics { get; }

    /// <summary>Where a resource named without an ARN may be: every configured account and region, the default first.</summary>
    IReadOnlyList<AwsScope> Scopes { get; }
}
