using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>Whose credentials a denied call ran with, as far as the principal's ARN shows it.</summary>
internal enum DeniedPrincipal
{
    Unknown,
    TaskRole,
    ExecutionRole,
    InstanceRole,
    Other,
}

/// <summary>
/// One AccessDenied the application logged. IAM's message names the caller and the action
/// ("User: arn:aws:sts::111122223333:assumed-role/app-task-role/0a1b... is not authorized to perform: s3:GetObject
/// on resource: ... because no identity-based policy allows ..."); S3's bare "Access Denied" names neither.
/// </summary>
internal sealed partial record AccessDenial(string Line, string? PrincipalArn, string? Action, string? Resource)
{
    /// <summary>The terms of a CloudWatch Logs filter pattern: any of them (case-sensitive, as CloudWatch matches).</summary>
    public const string LogFilterPattern = "?AccessDenied ?\"not authorized to perform\" ?\"Access Denied\" ?UnauthorizedOperation";

    private static readonly string[] Markers = ["AccessDenied", "not authorized to perform", "Access Denied", "UnauthorizedOperation"];

    /// <summary>The API call's name as CloudTrail records it (eventName), e.g. "GenerateDataKey".</summary>
    public string? EventName => Action is { } action ? action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;

    public static AccessDenial? Parse(string line)
    {
        var text = line.Replace('\u2019', '\'').Trim();
        if (!Markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var match = NotAuthorized().Match(text);
        if (match.Success)
        {
            return new AccessDenial(text, match.Groups["principal"].Value.TrimEnd('.', ','), match.Groups["action"].Value, match.Groups["resource"].Success ? Unquoted(match.Groups["resource"].Value) : null);
        }

        var operation = CalledOperation().Match(text);
        return new AccessDenial(text, null, null, null) with { Action = operation.Success ? operation.Groups["op"].Value : null };
    }

    /// <summary>
    /// Which role an ARN is: the role name of an assumed-role session compared with the task definition's roles
    /// (assumed-role ARNs drop the role's path), and an EC2 instance id as session name for the instance profile.
    /// </summary>
    public static DeniedPrincipal Classify(string? principalArn, string? taskRoleArn, string? executionRoleArn)
    {
        if (RoleAndSession(principalArn) is not var (role, session))
        {
            return principalArn is null ? DeniedPrincipal.Unknown : DeniedPrincipal.Other;
        }

        if (taskRoleArn is not null && role == NameOf(taskRoleArn))
        {
            return DeniedPrincipal.TaskRole;
        }

        if (executionRoleArn is not null && role == NameOf(executionRoleArn))
        {
            return DeniedPrincipal.ExecutionRole;
        }

        return session is not null && InstanceId().IsMatch(session) ? DeniedPrincipal.InstanceRole : DeniedPrincipal.Other;
    }

    // S3 quotes the resource ("on resource: \"arn:aws:s3:::bucket/key\" because ..."), and a JSON log escapes those quotes.
    private static string Unquoted(string resource) => resource.Replace("\\\"", "\"", StringComparison.Ordinal).Trim('"').TrimEnd('.', ',', '"');

    public static string NameOf(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];

    /// <summary>"assumed-role/name/session" gives both; "role/path/name" (a session issuer) gives the name alone.</summary>
    public static (string Role, string? Session)? RoleAndSession(string? principalArn)
    {
        if (principalArn is null)
        {
            return null;
        }

        var at = principalArn.IndexOf(":assumed-role/", StringComparison.Ordinal);
        if (at < 0 && !principalArn.Contains(":role/", StringComparison.Ordinal))
        {
            return null;
        }

        if (at >= 0)
        {
            var parts = principalArn[(at + ":assumed-role/".Length)..].Split('/');
            return (parts[0], parts.Length > 1 ? parts[1] : null);
        }

        return (NameOf(principalArn), null);
    }

    [GeneratedRegex(@"(?<principal>arn:aws[\w-]*:(?:sts|iam)::\d{12}:[\w+=,.@/-]+)\s+is not authorized to perform:?\s*(?<action>[\w-]+:[\w*]+)(?:\s+on resource:?\s*(?<resource>\S+))?", RegexOptions.IgnoreCase)]
    private static partial Regex NotAuthorized();

    // boto3 ("when calling the GetObject operation") and the Go SDK v2 ("operation error S3: GetObject").
    [GeneratedRegex(@"(?:when calling the (?<op>\w+) operation|operation error [\w ]+: (?<op>\w+))")]
    private static partial Regex CalledOperation();

    [GeneratedRegex("^i-[0-9a-f]{8,17}$")]
    private static partial Regex InstanceId();
}
