using DiagBot.Sandbox.Aws.CloudTrail;
using DiagBot.Sandbox.Aws.Logs;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>Log lines and CloudTrail records that an incident leaves behind.</summary>
internal static class EvidenceSeeds
{
    /// <summary>The awslogs driver names a stream "&lt;prefix&gt;/&lt;container&gt;/&lt;task id&gt;".</summary>
    public static string StreamFor(string container, string taskArn) => $"ecs/{container}/{taskArn[(taskArn.LastIndexOf('/') + 1)..]}";

    public static void Logs(SeedContext context, string group, string stream, int startMinutesAgo, params string[] lines) =>
        context.World.Logs.Append(group, stream, lines.Select((line, i) => new LogEvent(context.Ago(startMinutesAgo).AddSeconds(i * 3), line)));

    public static TrailEvent Trail(SeedContext context, string seed, string eventSource, string eventName, string roleName, string sessionName, int minutesAgo,
        string? errorCode = null, string? errorMessage = null, IReadOnlyDictionary<string, string>? requestParameters = null, params (string Type, string Name)[] resources)
    {
        var account = context.Options.AccountId;
        var roleId = "AROA" + SeedContext.Hex("role/" + roleName, 17).ToUpperInvariant();
        var e = new TrailEvent
        {
            EventId = Guid.Parse(SeedContext.Hex("trail/" + seed, 32)).ToString(),
            EventName = eventName,
            EventSource = eventSource,
            EventTime = context.Ago(minutesAgo),
            PrincipalArn = $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}",
            PrincipalId = $"{roleId}:{sessionName}",
            SessionIssuerArn = $"arn:aws:iam::{account}:role/{roleName}",
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            RequestParameters = requestParameters,
            Resources = resources,
        };
        context.World.CloudTrail.Events.Add(e);
        return e;
    }
}
