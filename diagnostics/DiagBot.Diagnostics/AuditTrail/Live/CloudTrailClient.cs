using DiagBot.Diagnostics.AuditTrail.Wire;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;

namespace DiagBot.Diagnostics.AuditTrail.Live;

/// <summary>IAuditTrailEvidence over the CloudTrail JSON 1.1 API, for one diagnosis session.</summary>
internal sealed class CloudTrailClient(AwsJsonClient json, EvidenceScope scope, AwsLocations locations) : IAuditTrailEvidence
{
    public Task<EvidenceResult<IReadOnlyList<AuditEvent>>> LookupEventsAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var operation = CloudTrailApi.LookupEvents;
        var target = locations.Resolve(query.AccountId, query.Region);
        var key = $"cloudtrail:{operation.Name}:{target}:{query.AttributeKey}={query.AttributeValue}:{query.StartTime:O}:{query.EndTime:O}:{query.MaxEvents}";
        return scope.GetOrLoadAsync(key, operation.Service.Key, operation.Name, async () =>
        {
            var events = new List<AuditEvent>();
            string? token = null;
            for (var page = 0; page < CloudTrailApi.MaxPages && events.Count < query.MaxEvents; page++)
            {
                var request = new LookupEventsRequest(
                    [new LookupAttributeWire(query.AttributeKey, query.AttributeValue)],
                    query.StartTime,
                    query.EndTime,
                    Math.Clamp(query.MaxEvents - events.Count, 1, CloudTrailApi.MaxResultsPerPage),
                    token);
                var result = await json.CallAsync<LookupEventsRequest, LookupEventsResponse>(operation, CloudTrailApi.TargetPrefix, target, request, scope.Budget, CancellationToken.None)
                    .ConfigureAwait(false);
                if (result.Value is not { } response)
                {
                    return EvidenceResult<IReadOnlyList<AuditEvent>>.Missing(result.Gap!);
                }

                events.AddRange((response.Events ?? []).Select(CloudTrailEventReader.ToModel));
                token = response.NextToken;
                if (string.IsNullOrEmpty(token))
                {
                    break;
                }
            }

            return EvidenceResult<IReadOnlyList<AuditEvent>>.Found(events.Take(query.MaxEvents).ToList());
        }, cancellationToken);
    }
}
