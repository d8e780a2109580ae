namespace DiagBot.Sandbox.Aws.CloudTrail;

/// <summary>One management event as CloudTrail records it; the full record is also sent as the CloudTrailEvent JSON string.</summary>
internal sealed record TrailEvent
{
    public required string EventId { get; init; }
    public required string EventName { get; init; }
    public required string EventSource { get; init; }
    public required DateTimeOffset EventTime { get; init; }
    public required string PrincipalArn { get; init; }
    public required string PrincipalId { get; init; }
    public string IdentityType { get; init; } = "AssumedRole";
    public string? SessionIssuerArn { get; init; }
    public string AccessKeyId { get; init; } = "ASIAQSANDBOXEXAMPLE1";
    public bool ReadOnly { get; init; } = true;
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public IReadOnlyDictionary<string, string>? RequestParameters { get; init; }
    public IReadOnlyList<(string Type, string Name)> Resources { get; init; } = [];
    public string UserAgent { get; init; } = "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21 md/GOOS#linux md/GOARCH#amd64 api/ecs";
    public string SourceIpAddress { get; init; } = "ecs-tasks.amazonaws.com";

    /// <summary>The user name CloudTrail shows: the session name of an assumed role, or the IAM user's name.</summary>
    public string Username => PrincipalArn[(PrincipalArn.LastIndexOf('/') + 1)..];
}
