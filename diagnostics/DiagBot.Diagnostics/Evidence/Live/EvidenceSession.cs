using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Ecs.Live;

namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>The live evidence of one diagnosis: every client shares the session's cache and budget.</summary>
internal sealed class EvidenceSession(EvidenceScope scope, AwsJsonClient json, AwsLocations locations) : IEvidenceSource
{
    public IEcsEvidence Ecs { get; } = new EcsClient(json, scope, locations);
}
