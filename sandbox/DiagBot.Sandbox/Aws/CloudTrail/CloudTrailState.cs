namespace DiagBot.Sandbox.Aws.CloudTrail;

internal sealed class CloudTrailState
{
    public List<TrailEvent> Events { get; } = [];
}
