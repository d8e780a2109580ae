using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.AuditTrail.Live;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Ecs.Live;
using DiagBot.Diagnostics.Eks;
using DiagBot.Diagnostics.Eks.Live;
using DiagBot.Diagnostics.Kubernetes;
using DiagBot.Diagnostics.Kubernetes.Live;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.LoadBalancing.Live;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Logs.Live;
using DiagBot.Diagnostics.Metrics;
using DiagBot.Diagnostics.Metrics.Live;
using DiagBot.Diagnostics.Network;
using DiagBot.Diagnostics.Network.Live;

namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>The live evidence of one diagnosis: every client shares the session's cache and budget.</summary>
internal sealed class EvidenceSession(EvidenceScope scope, LiveClients live) : IEvidenceSource
{
    public IEcsEvidence Ecs { get; } = new EcsClient(live.Json, scope, live.Locations);

    public ILoadBalancingEvidence LoadBalancing { get; } = new LoadBalancingClient(live.Query, scope, live.Locations);

    public ILogsEvidence Logs { get; } = new LogsClient(live.Json, scope, live.Locations);

    public IAuditTrailEvidence AuditTrail { get; } = new CloudTrailClient(live.Json, scope, live.Locations);

    public INetworkEvidence Network { get; } = new Ec2NetworkClient(live.Ec2, live.Guard, scope, live.Locations);

    public IKubernetesEvidence Kubernetes { get; } = new KubernetesEvidenceClient(live.Kubernetes, live.Guard, scope);

    public IEksEvidence Eks { get; } = new EksClient(live.RestJson, scope, live.Locations);

    public IMetricsEvidence Metrics { get; } = new CloudWatchClient(live.Json, scope, live.Locations);

    public IReadOnlyList<Aws.AwsScope> Scopes => live.Locations.Scopes;
}
