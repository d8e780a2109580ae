using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.AuditTrail.Live;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Ecs.Live;
using DiagBot.Diagnostics.LoadBalancing;
using DiagBot.Diagnostics.LoadBalancing.Live;
using DiagBot.Diagnostics.Logs;
using DiagBot.Diagnostics.Logs.Live;
using DiagBot.Diagnostics.Network;
using DiagBot.Diagnostics.Network.Live;

namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>The live evidence of one diagnosis: every client shares the session's cache and budget.</summary>
internal sealed class EvidenceSession(EvidenceScope scope, AwsClients aws, AwsLocations locations) : IEvidenceSource
{
    public IEcsEvidence Ecs { get; } = new EcsClient(aws.Json, scope, locations);

    public ILoadBalancingEvidence LoadBalancing { get; } = new LoadBalancingClient(aws.Query, scope, locations);

    public ILogsEvidence Logs { get; } = new LogsClient(aws.Json, scope, locations);

    public IAuditTrailEvidence AuditTrail { get; } = new CloudTrailClient(aws.Json, scope, locations);

    public INetworkEvidence Network { get; } = new Ec2NetworkClient(aws.Ec2, aws.Guard, scope, locations);
}
