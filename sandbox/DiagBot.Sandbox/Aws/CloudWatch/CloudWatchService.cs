using System.Text.Json;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.CloudWatch;

/// <summary>CloudWatch's GetMetricData and ListMetrics over the metrics the catalogue seeded (signing name "monitoring").</summary>
internal sealed class CloudWatchService(SandboxWorld world, TimeProvider clock) : IAwsService
{
    public const string GetMetricData = "GetMetricData";
    public const string ListMetrics = "ListMetrics";

    private static readonly TimeSpan RecentlyActiveWindow = TimeSpan.FromHours(3);

    public string SigningName => "monitoring";

    public IAwsProtocol Protocol { get; } = new CloudWatchProtocol(new HashSet<string> { GetMetricData, ListMetrics });

    public object Invoke(AwsCall call) => call.Operation switch
    {
        GetMetricData => Data(GetMetricDataRequest.Read(call.Json)),
        ListMetrics => List(call.Json),
        _ => throw new AwsException("UnknownOperationException", string.Empty),
    };

    private Dictionary<string, object?> Data(GetMetricDataRequest request)
    {
        var now = clock.GetUtcNow();
        var start = MetricTime.RoundStart(request.Start, now);
        var results = request.Queries.Where(q => q.ReturnData).Select(query => Result(query, start, request, now)).ToList();
        return new Dictionary<string, object?> { ["MetricDataResults"] = results, ["Messages"] = Array.Empty<object>() };
    }

    // Data points are one per period that received data, stamped with the period's start, newest first unless asked otherwise.
    private Dictionary<string, object?> Result(MetricQuery query, DateTimeOffset start, GetMetricDataRequest request, DateTimeOffset now)
    {
        var series = world.CloudWatch.Metrics.FirstOrDefault(m => m.Matches(query.Namespace, query.MetricName, query.Dimensions)
            && (query.Unit is null || m.Unit == query.Unit));
        var points = series is null ? [] : series.Samples(start, request.End, now)
            .GroupBy(sample => start.AddSeconds((long)(sample.Minute - start).TotalSeconds / query.Period * query.Period))
            .Select(period => (At: period.Key, Value: MetricStatistic.Compute(query.Stat, [.. period.SelectMany(s => s.Values)])))
            .ToList();
        points = request.Ascending ? [.. points.OrderBy(p => p.At)] : [.. points.OrderByDescending(p => p.At)];
        return new Dictionary<string, object?>
        {
            ["Id"] = query.Id,
            ["Label"] = query.Label ?? query.MetricName,
            ["Timestamps"] = points.Select(p => (object?)p.At).ToList(),
            ["Values"] = points.Select(p => (object?)p.Value).ToList(),
            ["StatusCode"] = "Complete",
            ["Messages"] = Array.Empty<object>(),
        };
    }

    private Dictionary<string, object?> List(JsonElement json)
    {
        var ns = Text(json, "Namespace");
        var name = Text(json, "MetricName");
        var filters = json.TryGetProperty("Dimensions", out var d)
            ? d.EnumerateArray().Select(x => (Name: x.GetProperty("Name").GetString()!, Value: Text(x, "Value"))).ToList()
            : [];
        var recentOnly = Text(json, "RecentlyActive") is { } recent
            ? recent == "PT3H" ? true : throw new AwsException("InvalidParameterValue", $"The value {recent} for parameter RecentlyActive is not valid: use PT3H.")
            : false;
        var now = clock.GetUtcNow();
        var metrics = world.CloudWatch.Metrics
            .Where(m => (ns is null || m.Namespace == ns) && (name is null || m.MetricName == name))
            .Where(m => filters.All(f => m.Dimensions.Any(x => x.Name == f.Name && (f.Value is null || x.Value == f.Value))))
            .Where(m => !recentOnly || m.Until is null || now - m.Until < RecentlyActiveWindow)
            .Select(m => (object?)new Dictionary<string, object?>
            {
                ["Namespace"] = m.Namespace,
                ["MetricName"] = m.MetricName,
                ["Dimensions"] = m.Dimensions.Select(x => (object?)new Dictionary<string, object?> { ["Name"] = x.Name, ["Value"] = x.Value }).ToList(),
            })
            .ToList();
        return new Dictionary<string, object?> { ["Metrics"] = metrics };
    }

    private static string? Text(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;
}
