using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using DiagBot.Diagnostics.Metrics.Wire;

namespace DiagBot.Diagnostics.Metrics.Live;

/// <summary>IMetricsEvidence over CloudWatch GetMetricData (awsJson1_0), for one diagnosis session.</summary>
internal sealed class CloudWatchClient(AwsJsonClient json, EvidenceScope scope, AwsLocations locations) : IMetricsEvidence
{
    public Task<EvidenceResult<IReadOnlyList<MetricResult>>> GetMetricDataAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Queries.Count is 0 or > MetricRequest.MaxQueries)
        {
            return Task.FromResult(EvidenceResult<IReadOnlyList<MetricResult>>.Missing(new EvidenceGap(AwsService.CloudWatch.Key, CloudWatchApi.GetMetricData.Name,
                GapReason.InvalidRequest, $"GetMetricData takes 1 to {MetricRequest.MaxQueries} queries; {request.Queries.Count} were asked")));
        }

        var operation = CloudWatchApi.GetMetricData;
        var target = locations.Resolve(request.AccountId, request.Region);
        var key = $"monitoring:{operation.Name}:{target}:{request.Start:O}:{request.End:O}:" +
            string.Join(";", request.Queries.Select(q => $"{q.Id}={q.Namespace}/{q.MetricName}/{string.Join(",", q.Dimensions.Select(d => d.Name + "=" + d.Value))}/{q.PeriodSeconds}/{q.Stat}"));
        return scope.GetOrLoadAsync(key, operation.Service.Key, operation.Name, () => LoadAsync(operation, target, request), cancellationToken);
    }

    private async Task<EvidenceResult<IReadOnlyList<MetricResult>>> LoadAsync(AwsOperation operation, AwsTarget target, MetricRequest request)
    {
        var queries = request.Queries.Select(q => new MetricDataQueryWire(q.Id,
            new MetricStatWire(new MetricWire(q.Namespace, q.MetricName, [.. q.Dimensions.Select(d => new DimensionWire(d.Name, d.Value))]), q.PeriodSeconds, q.Stat),
            ReturnData: true)).ToList();
        var points = request.Queries.ToDictionary(q => q.Id, _ => new List<MetricPoint>());
        var labels = new Dictionary<string, string>();
        var complete = request.Queries.ToDictionary(q => q.Id, _ => true);
        string? token = null;
        for (var page = 0; page < CloudWatchApi.MaxPages; page++)
        {
            var wire = new GetMetricDataRequest(queries, request.Start, request.End, "TimestampAscending", token);
            var result = await json.CallAsync<GetMetricDataRequest, GetMetricDataResponse>(operation, CloudWatchApi.TargetPrefix, CloudWatchApi.ContentType,
                target, wire, scope.Budget, CancellationToken.None).ConfigureAwait(false);
            if (result.Value is not { } response)
            {
                return EvidenceResult<IReadOnlyList<MetricResult>>.Missing(result.Gap!);
            }

            foreach (var item in response.MetricDataResults ?? [])
            {
                if (item.Id is null || !points.TryGetValue(item.Id, out var list))
                {
                    continue;
                }

                var times = item.Timestamps ?? [];
                var values = item.Values ?? [];
                list.AddRange(times.Zip(values, (at, value) => new MetricPoint(at, value)));
                labels[item.Id] = item.Label ?? item.Id;
                // PartialData with a NextToken is completed by the next page; InternalError or Forbidden is not.
                complete[item.Id] = item.StatusCode is null or "Complete" or "PartialData";
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }

        // The pages are ascending, and a page may continue one metric where the last one stopped: sort once at the end.
        IReadOnlyList<MetricResult> results = [.. request.Queries.Select(q => new MetricResult(q.Id, labels.GetValueOrDefault(q.Id, q.MetricName),
            [.. points[q.Id].OrderBy(p => p.At)], complete[q.Id] && string.IsNullOrEmpty(token)))];
        return EvidenceResult<IReadOnlyList<MetricResult>>.Found(results);
    }
}
