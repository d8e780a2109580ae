using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.CloudTrail;

/// <summary>CloudTrail over JSON 1.1 (target prefix com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101): LookupEvents.</summary>
internal sealed class CloudTrailService : IAwsService
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    public const string ShortTargetPrefix = "CloudTrail_20131101";
    private const int MaxResults = 50;

    private static readonly Dictionary<string, Func<TrailEvent, IEnumerable<string>>> _attributes = new(StringComparer.Ordinal)
    {
        ["EventId"] = e => [e.EventId],
        ["EventName"] = e => [e.EventName],
        ["ReadOnly"] = e => [e.ReadOnly ? "true" : "false"],
        ["Username"] = e => [e.Username],
        ["ResourceType"] = e => e.Resources.Select(r => r.Type),
        ["ResourceName"] = e => e.Resources.Select(r => r.Name),
        ["EventSource"] = e => [e.EventSource],
        ["AccessKeyId"] = e => [e.AccessKeyId],
    };

    private readonly SandboxWorld _world;

    public CloudTrailService(SandboxWorld world)
    {
        _world = world;
        Protocol = new JsonProtocol(SigningName, [TargetPrefix, ShortTargetPrefix], new HashSet<string> { "LookupEvents" }, AwsJson.PascalCaseOptions);
    }

    public string SigningName => "cloudtrail";

    public IAwsProtocol Protocol { get; }

    public object Invoke(AwsCall call)
    {
        var lookups = call.Json.TryGetProperty("LookupAttributes", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array
            ? list.EnumerateArray().Select(a => (Key: JsonRequest.String(a, "AttributeKey") ?? string.Empty, Value: JsonRequest.String(a, "AttributeValue") ?? string.Empty)).ToList()
            : [];

        // LookupEvents accepts exactly one lookup attribute.
        if (lookups.Count > 1)
        {
            throw new AwsException("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
        }

        if (lookups.Any(l => !_attributes.ContainsKey(l.Key)))
        {
            throw new AwsException("InvalidLookupAttributesException", "Invalid lookup attribute key.");
        }

        var start = EpochSeconds(call, "StartTime") ?? _world.Options.TimeProvider.GetUtcNow().AddDays(-90);
        var end = EpochSeconds(call, "EndTime") ?? _world.Options.TimeProvider.GetUtcNow().AddMinutes(5);
        if (start > end)
        {
            throw new AwsException("InvalidTimeRangeException", "Start time must be before end time.");
        }

        var size = JsonRequest.Int(call.Json, "MaxResults") ?? MaxResults;
        if (size is < 1 or > MaxResults)
        {
            throw new AwsException("InvalidMaxResultsException", "MaxResults must be between 1 and 50.");
        }

        // Newest first, as CloudTrail lists them.
        var events = _world.CloudTrail.Events
            .Where(e => e.EventTime >= start && e.EventTime <= end)
            .Where(e => lookups.All(l => _attributes[l.Key](e).Contains(l.Value)))
            .OrderByDescending(e => e.EventTime)
            .ToList();
        var (page, next) = Paging.Page(events, JsonRequest.String(call.Json, "NextToken"), size, "InvalidNextTokenException");
        return new CloudTrailWire.LookupEventsResponse([.. page.Select(e => CloudTrailWire.Shape(e, _world.Options))], next);
    }

    private static DateTimeOffset? EpochSeconds(AwsCall call, string member) =>
        call.Json.TryGetProperty(member, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value.GetDouble() * 1000))
            : null;
}
