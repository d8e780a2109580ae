using System.Globalization;
using System.Text.Json;

namespace DiagBot.Sandbox.Aws.CloudTrail;

/// <summary>LookupEvents' PascalCase shapes, and the CloudTrailEvent record JSON as CloudTrail writes it (eventVersion 1.08).</summary>
internal static class CloudTrailWire
{
    public sealed record Resource(string ResourceType, string ResourceName);

    public sealed record Event(
        string EventId, string EventName, string ReadOnly, string AccessKeyId, DateTimeOffset EventTime, string EventSource,
        string Username, IReadOnlyList<Resource> Resources, string CloudTrailEvent);

    public sealed record LookupEventsResponse(IReadOnlyList<Event> Events, string? NextToken);

    public static Event Shape(TrailEvent e, SandboxOptions options) => new(
        e.EventId, e.EventName, e.ReadOnly ? "true" : "false", e.AccessKeyId, e.EventTime, e.EventSource, e.Username,
        [.. e.Resources.Select(r => new Resource(r.Type, r.Name))], Record(e, options));

    private static string Record(TrailEvent e, SandboxOptions options)
    {
        var identity = new Dictionary<string, object?>
        {
            ["type"] = e.IdentityType,
            ["principalId"] = e.PrincipalId,
            ["arn"] = e.PrincipalArn,
            ["accountId"] = options.AccountId,
            ["accessKeyId"] = e.AccessKeyId,
        };
        if (e.SessionIssuerArn is not null)
        {
            identity["sessionContext"] = new Dictionary<string, object>
            {
                ["sessionIssuer"] = new Dictionary<string, string>
                {
                    ["type"] = "Role",
                    ["principalId"] = e.PrincipalId.Split(':')[0],
                    ["arn"] = e.SessionIssuerArn,
                    ["accountId"] = options.AccountId,
                    ["userName"] = e.SessionIssuerArn[(e.SessionIssuerArn.LastIndexOf('/') + 1)..],
                },
                ["attributes"] = new Dictionary<string, string>
                {
                    ["creationDate"] = e.EventTime.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["mfaAuthenticated"] = "false",
                },
            };
        }

        var record = new Dictionary<string, object?>
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = identity,
            ["eventTime"] = e.EventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["eventSource"] = e.EventSource,
            ["eventName"] = e.EventName,
            ["awsRegion"] = options.Region,
            ["sourceIPAddress"] = e.SourceIpAddress,
            ["userAgent"] = e.UserAgent,
        };
        if (e.ErrorCode is not null)
        {
            record["errorCode"] = e.ErrorCode;
            record["errorMessage"] = e.ErrorMessage;
        }

        record["requestParameters"] = e.RequestParameters;
        record["responseElements"] = null;
        record["requestID"] = Guid.Parse(e.EventId).ToString();
        record["eventID"] = e.EventId;
        record["readOnly"] = e.ReadOnly;
        record["eventType"] = "AwsApiCall";
        record["managementEvent"] = true;
        record["recipientAccountId"] = options.AccountId;
        record["eventCategory"] = "Management";
        return JsonSerializer.Serialize(record);
    }
}
