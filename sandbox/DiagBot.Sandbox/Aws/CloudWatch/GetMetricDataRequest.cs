using System.Text.Json;
using System.Text.RegularExpressions;
using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.CloudWatch;

/// <summary>GetMetricData's input as the API reference defines it, checked the way CloudWatch checks it.</summary>
internal sealed record GetMetricDataRequest(IReadOnlyList<MetricQuery> Queries, DateTimeOffset Start, DateTimeOffset End, bool Ascending)
{
    public const int MaxQueries = 500;

    public static GetMetricDataRequest Read(JsonElement json)
    {
        if (!json.TryGetProperty("MetricDataQueries", out var queries) || queries.ValueKind != JsonValueKind.Array)
        {
            throw Missing("MetricDataQueries");
        }

        var start = Timestamp(json, "StartTime");
        var end = Timestamp(json, "EndTime");
        if (start >= end)
        {
            throw new AwsException("InvalidParameterValue", "The parameter StartTime must be less than the parameter EndTime.");
        }

        if (queries.GetArrayLength() is 0 or > MaxQueries)
        {
            throw new AwsException("InvalidParameterValue", $"The collection MetricDataQueries must not be empty and must not have more than {MaxQueries} elements.");
        }

        var read = queries.EnumerateArray().Select(MetricQuery.Read).ToList();
        var duplicate = read.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new AwsException("InvalidParameterValue", $"The values for parameter id in MetricDataQueries are not unique: {duplicate.Key}.");
        }

        var ascending = json.TryGetProperty("ScanBy", out var scanBy) && scanBy.GetString() == "TimestampAscending";
        return new GetMetricDataRequest(read, start, end, ascending);
    }

    public static AwsException Missing(string parameter) => new("MissingParameter", $"The parameter {parameter} is required.");

    private static DateTimeOffset Timestamp(JsonElement json, string name) =>
        !json.TryGetProperty(name, out var value) ? throw Missing(name)
        : value.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value.GetDouble() * 1000))
        : throw new AwsException("InvalidParameterValue", $"The parameter {name} must be a timestamp.");
}

/// <summary>One MetricDataQuery with a MetricStat; metric math (Expression) is not evaluated by the sandbox and is refused by name.</summary>
internal sealed partial record MetricQuery(string Id, string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions,
    int Period, string Stat, string? Unit, string? Label, bool ReturnData)
{
    public static MetricQuery Read(JsonElement json)
    {
        var id = json.TryGetProperty("Id", out var idValue) ? idValue.GetString() ?? string.Empty : throw GetMetricDataRequest.Missing("MetricDataQueries.member.Id");
        if (!IdPattern().IsMatch(id))
        {
            throw new AwsException("InvalidParameterValue", $"The value {id} for parameter MetricDataQueries.member.Id is invalid: it must start with a lowercase letter and hold only letters, numbers and underscores.");
        }

        if (json.TryGetProperty("Expression", out _))
        {
            throw new AwsException("InvalidParameterValue", $"Query {id}: the sandbox does not evaluate metric math expressions; ask for a MetricStat.");
        }

        if (!json.TryGetProperty("MetricStat", out var stat))
        {
            throw new AwsException("InvalidParameterCombination", $"Query {id} must specify either an Expression or a MetricStat but not both.");
        }

        var metric = stat.TryGetProperty("Metric", out var m) ? m : throw GetMetricDataRequest.Missing($"MetricDataQueries.member.{id}.MetricStat.Metric");
        var period = stat.TryGetProperty("Period", out var p) && p.TryGetInt32(out var seconds) ? seconds : throw GetMetricDataRequest.Missing($"MetricDataQueries.member.{id}.MetricStat.Period");
        // Periods are 1, 5, 10, 20 or 30 seconds (high resolution) or any multiple of 60 (API reference, MetricStat.Period).
        if (period <= 0 || (period % 60 != 0 && period is not (1 or 5 or 10 or 20 or 30)))
        {
            throw new AwsException("InvalidParameterValue", $"The parameter MetricDataQueries.member.{id}.MetricStat.Period must be 1, 5, 10, 20, 30 or a multiple of 60.");
        }

        var statistic = stat.TryGetProperty("Stat", out var s) ? s.GetString() ?? string.Empty : throw GetMetricDataRequest.Missing($"MetricDataQueries.member.{id}.MetricStat.Stat");
        MetricStatistic.Validate(statistic, id);
        var dimensions = metric.TryGetProperty("Dimensions", out var d)
            ? d.EnumerateArray().Select(x => new MetricDimension(x.GetProperty("Name").GetString()!, x.GetProperty("Value").GetString()!)).ToList()
            : [];
        return new MetricQuery(id, Text(metric, "Namespace") ?? string.Empty, Text(metric, "MetricName") ?? string.Empty, dimensions, period, statistic,
            Text(stat, "Unit"), Text(json, "Label"), !json.TryGetProperty("ReturnData", out var r) || r.GetBoolean());
    }

    private static string? Text(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value.GetString() : null;

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$", RegexOptions.None, 1000)]
    private static partial Regex IdPattern();
}
