using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using DiagBot.Diagnostics.Logs.Wire;

namespace DiagBot.Diagnostics.Logs.Live;

/// <summary>ILogsEvidence over the CloudWatch Logs JSON 1.1 API, for one diagnosis session.</summary>
internal sealed class LogsClient(AwsJsonClient json, EvidenceScope scope, AwsLocations locations) : ILogsEvidence
{
    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> GetLastEventsAsync(LogGroupRef group, string logStreamName, int limit, CancellationToken cancellationToken)
    {
        var operation = LogsApi.GetLogEvents;
        var target = locations.Resolve(group.AccountId, group.Region);
        var count = Math.Clamp(limit, 1, LogsApi.MaxEventsPerPage);
        return scope.GetOrLoadAsync($"logs:{operation.Name}:{target}:{group.LogGroupName}:{logStreamName}:{count}", operation.Service.Key, operation.Name, async () =>
        {
            // Without startFromHead the service answers the newest events, oldest first: the tail of the stream.
            var request = new GetLogEventsRequest(group.LogGroupName, logStreamName, count, StartFromHead: false);
            var result = await json.CallAsync<GetLogEventsRequest, GetLogEventsResponse>(operation, LogsApi.TargetPrefix, target, request, scope.Budget, CancellationToken.None)
                .ConfigureAwait(false);
            return result.Value is { } response
                ? EvidenceResult<IReadOnlyList<LogEvent>>.Found([.. (response.Events ?? []).Select(e => new LogEvent(Time(e.Timestamp), e.Message ?? string.Empty, logStreamName))])
                : EvidenceResult<IReadOnlyList<LogEvent>>.Missing(result.Gap!);
        }, cancellationToken);
    }

    public Task<EvidenceResult<IReadOnlyList<LogEvent>>> FilterEventsAsync(LogFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var operation = LogsApi.FilterLogEvents;
        var target = locations.Resolve(filter.Group.AccountId, filter.Group.Region);
        var key = $"logs:{operation.Name}:{target}:{filter.Group.LogGroupName}:{string.Join(",", filter.LogStreamNames)}:{filter.FilterPattern}:{filter.StartTime:O}:{filter.EndTime:O}:{filter.Limit}:{filter.PageSize}";
        return scope.GetOrLoadAsync(key, operation.Service.Key, operation.Name, async () =>
        {
            var events = new List<LogEvent>();
            string? token = null;
            for (var page = 0; page < LogsApi.MaxPages && events.Count < filter.Limit; page++)
            {
                var request = new FilterLogEventsRequest(
                    filter.Group.LogGroupName,
                    filter.LogStreamNames.Count > 0 ? filter.LogStreamNames : null,
                    filter.FilterPattern,
                    filter.StartTime?.ToUnixTimeMilliseconds(),
                    filter.EndTime?.ToUnixTimeMilliseconds(),
                    Math.Clamp(Math.Min(filter.Limit - events.Count, filter.PageSize ?? int.MaxValue), 1, LogsApi.MaxEventsPerPage),
                    token);
                var result = await json.CallAsync<FilterLogEventsRequest, FilterLogEventsResponse>(operation, LogsApi.TargetPrefix, target, request, scope.Budget, CancellationToken.None)
                    .ConfigureAwait(false);
                if (result.Value is not { } response)
                {
                    return EvidenceResult<IReadOnlyList<LogEvent>>.Missing(result.Gap!);
                }

                events.AddRange((response.Events ?? []).Select(e => new LogEvent(Time(e.Timestamp), e.Message ?? string.Empty, e.LogStreamName)));
                token = response.NextToken;
                if (string.IsNullOrEmpty(token))
                {
                    break;
                }
            }

            return EvidenceResult<IReadOnlyList<LogEvent>>.Found(events.Take(filter.Limit).ToList());
        }, cancellationToken);
    }

    private static DateTimeOffset Time(long? epochMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds ?? 0);
}
