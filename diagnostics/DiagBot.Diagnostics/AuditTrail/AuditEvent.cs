namespace DiagBot.Diagnostics.AuditTrail;

/// <summary>One CloudTrail management event, with the fields of its CloudTrailEvent JSON that diagnoses read.</summary>
public sealed record AuditEvent
{
    public required string EventId { get; init; }
    public required string EventName { get; init; }
    public string? EventSource { get; init; }
    public DateTimeOffset? EventTime { get; init; }
    public string? Username { get; init; }
    public string? AccessKeyId { get; init; }
    public IReadOnlyList<AuditResource> Resources { get; init; } = [];

    /// <summary>e.g. "AccessDenied"; null when the call succeeded.</summary>
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>userIdentity.arn: for a role session, arn:aws:sts::…:assumed-role/role-name/session.</summary>
    public string? PrincipalArn { get; init; }
    public string? PrincipalType { get; init; }

    /// <summary>userIdentity.sessionContext.sessionIssuer.arn: the IAM role behind an assumed-role session.</summary>
    public string? SessionIssuerArn { get; init; }
    public string? AwsRegion { get; init; }
    public string? SourceIpAddress { get; init; }

    /// <summary>The requestParameters object as JSON text, when present.</summary>
    public string? RequestParameters { get; init; }

    public bool IsDenied => ErrorCode is { } code
        && (code.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) || code.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase));
}

public sealed record AuditResource(string? ResourceType, string? ResourceName);
