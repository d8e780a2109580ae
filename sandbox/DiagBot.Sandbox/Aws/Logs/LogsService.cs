using System.Globalization;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Logs;

/// <summary>
/// CloudWatch Logs over JSON 1.1 (target prefix Logs_20140328): GetLogEvents, FilterLogEvents and DescribeLogGroups with
/// AWS-style paging. DescribeLogGroups is not a read DiagBot makes; it lets an engineer check the groups a task definition names.
/// </summary>
internal sealed class LogsService : IAwsService
{
    public const string TargetPrefix = "Logs_20140328";
    private const int MaxEvents = 10_000;
    private const int MaxLogGroups = 50;

    private readonly SandboxWorld _world;
    private readonly Dictionary<string, Func<AwsCall, object>> _operations;

    public LogsService(SandboxWorld world)
    {
        _world = world;
        _operations = new(StringComparer.Ordinal)
        {
            ["GetLogEvents"] = GetLogEvents,
            ["FilterLogEvents"] = FilterLogEvents,
            ["DescribeLogGroups"] = DescribeLogGroups,
        };
        Protocol = new JsonProtocol(SigningName, [TargetPrefix], _operations.Keys.ToHashSet());
    }

    public string SigningName => "logs";

    public IAwsProtocol Protocol { get; }

    public object Invoke(AwsCall call) => _operations[call.Operation](call);

    private object GetLogEvents(AwsCall call)
    {
        var group = FindGroup(call);
        var streamName = JsonRequest.String(call.Json, "logStreamName") ?? throw LogsErrors.InvalidParameter("logStreamName");
        var stream = group.Streams.FirstOrDefault(s => s.Name == streamName) ?? throw LogsErrors.StreamNotFound();
        var limit = Math.Clamp(JsonRequest.Int(call.Json, "limit") ?? MaxEvents, 1, MaxEvents);
        var events = InRange(stream.Events, call).ToList();

        // Tokens are "f/<position>" and "b/<position>"; reaching the end hands back the same forward token, as AWS does.
        var token = JsonRequest.String(call.Json, "nextToken");
        int start;
        if (token is not null)
        {
            start = ParsePosition(token, events.Count, limit);
        }
        else
        {
            start = JsonRequest.Bool(call.Json, "startFromHead") == true ? 0 : Math.Max(0, events.Count - limit);
        }

        var page = events.Skip(start).Take(limit).ToList();
        return new LogsWire.GetLogEventsResponse([.. page.Select(LogsWire.Output)], Token('f', start + page.Count), Token('b', start));
    }

    private object FilterLogEvents(AwsCall call)
    {
        var group = FindGroup(call);
        var names = JsonRequest.Strings(call.Json, "logStreamNames");
        var prefix = JsonRequest.String(call.Json, "logStreamNamePrefix");
        var pattern = FilterPattern.Parse(JsonRequest.String(call.Json, "filterPattern"));
        var limit = Math.Clamp(JsonRequest.Int(call.Json, "limit") ?? MaxEvents, 1, MaxEvents);

        var matches = group.Streams
            .Where(s => (names.Count == 0 || names.Contains(s.Name)) && (prefix is null || s.Name.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(s => InRange(s.Events, call).Select((e, i) => (Stream: s.Name, Event: e, Index: i)))
            .Where(m => pattern(m.Event.Message))
            .OrderBy(m => m.Event.Timestamp)
            .ToList();
        var (page, next) = Paging.Page(matches, JsonRequest.String(call.Json, "nextToken"), limit);
        return new LogsWire.FilterLogEventsResponse([.. page.Select(m => LogsWire.Filtered(m.Stream, m.Event, m.Index))], next);
    }

    // Groups in name order, as the API lists them; limit is 1-50 (50 when not given).
    private object DescribeLogGroups(AwsCall call)
    {
        var prefix = JsonRequest.String(call.Json, "logGroupNamePrefix");
        var groups = _world.Logs.Groups.Where(g => prefix is null || g.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var (page, next) = Paging.Page(groups, JsonRequest.String(call.Json, "nextToken"), Math.Clamp(JsonRequest.Int(call.Json, "limit") ?? MaxLogGroups, 1, MaxLogGroups));
        return new LogsWire.DescribeLogGroupsResponse([.. page.Select(g => LogsWire.Group(_world.Options, g))], next);
    }

    private LogGroup FindGroup(AwsCall call)
    {
        var name = JsonRequest.String(call.Json, "logGroupName") ?? JsonRequest.String(call.Json, "logGroupIdentifier")
            ?? throw LogsErrors.InvalidParameter("logGroupName");
        var arnName = name.StartsWith("arn:", StringComparison.Ordinal) ? name.Split(':')[6] : name;
        return _world.Logs.FindGroup(arnName) ?? throw LogsErrors.GroupNotFound();
    }

    private static IEnumerable<LogEvent> InRange(IEnumerable<LogEvent> events, AwsCall call)
    {
        var from = JsonRequest.Long(call.Json, "startTime");
        var to = JsonRequest.Long(call.Json, "endTime");
        return events.Where(e => (from is null || LogsWire.Millis(e.Timestamp) >= from) && (to is null || LogsWire.Millis(e.Timestamp) < to));
    }

    private static string Token(char direction, int position) => $"{direction}/{position.ToString("D56", CultureInfo.InvariantCulture)}";

    // A backward token pages towards older events: the page ending where the previous one began.
    private static int ParsePosition(string token, int count, int limit)
    {
        if (token.Length < 3 || token[1] != '/' || !int.TryParse(token[2..], CultureInfo.InvariantCulture, out var position) || position < 0)
        {
            throw new AwsException("InvalidParameterException", "The specified nextToken is invalid.");
        }

        return token[0] switch
        {
            'f' => Math.Min(position, count),
            'b' => Math.Max(0, Math.Min(position, count) - limit),
            _ => throw new AwsException("InvalidParameterException", "The specified nextToken is invalid."),
        };
    }
}
