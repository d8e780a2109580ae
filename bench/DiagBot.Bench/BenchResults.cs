using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DiagBot.Bench;

/// <summary>The figures of one run: a table for people, one JSON line for machines (keys as issue 11 names them).</summary>
internal sealed record BenchResults(
    TimeSpan Latency, DiagnosisFigures Diagnosis, AckFigures Ack, StormFigures Storm, ScaleFigures Scale, SoakFigures Soak, ReplicaStormFigures Replicas)
{
    private const double SlackAckLimitMs = 3000;

    public string ToJson()
    {
        var figures = new Dictionary<string, double?>
        {
            ["diagnosis_p50_over_latency"] = Round(Diagnosis.P50),
            ["diagnosis_p95_over_latency"] = Round(Diagnosis.P95),
            ["sequential_over_parallel_p95"] = Round(Diagnosis.SequentialOverParallelP95),
            ["api_calls_max"] = Diagnosis.ApiCallsMax,
            ["ack_p50_ms"] = Round(Ack.P50),
            ["ack_p99_ms"] = Round(Ack.P99),
        };
        foreach (var (key, value) in Storm.Json.Concat(Scale.Json).Concat(Soak.Json).Concat(Replicas.Json))
        {
            figures[key] = value;
        }

        return JsonSerializer.Serialize(figures);
    }

    public string ToTable()
    {
        var text = new StringBuilder();
        var l = Latency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        text.AppendLine(Invariant($"Diagnosis latency, L = {l} ms added by the sandbox to every AWS and Kubernetes call, {Diagnosis.Rows.Count} seeded incidents, {Diagnosis.Parallel.Count} runs each way"));
        text.AppendLine();
        text.AppendLine("| incident | playbook | first found | evidence reads asked | API calls sent | cache saved | parallel (L) | sequential (L) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Diagnosis.Rows)
        {
            text.AppendLine(Invariant($"| {row.Name} | {row.Expected} | {row.Found?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {row.Asked} | {row.Sent} | {row.Asked - Math.Min(row.Asked, row.Sent)} | {row.ParallelL:0.0} | {row.SequentialL:0.0} |"));
        }

        foreach (var row in Diagnosis.Rows.Where(row => row.Note is not null))
        {
            text.AppendLine(Invariant($"\n{row.Name} found no failure: {row.Note}"));
        }

        text.AppendLine();
        text.AppendLine("| figure | value | target |");
        text.AppendLine("|---|---:|---|");
        text.AppendLine(Invariant($"| diagnosis p50, parallel | {Diagnosis.P50:0.00} L | |"));
        text.AppendLine(Invariant($"| diagnosis p95, parallel | {Diagnosis.P95:0.00} L | at most 4 L |"));
        text.AppendLine(Invariant($"| diagnosis p50, sequential | {Diagnosis.SequentialP50:0.00} L | |"));
        text.AppendLine(Invariant($"| diagnosis p95, sequential | {Diagnosis.SequentialP95:0.00} L | |"));
        text.AppendLine(Invariant($"| sequential / parallel, p95 | {Diagnosis.SequentialOverParallelP95:0.00}x | |"));
        text.AppendLine(Invariant($"| API calls per diagnosis, max | {Diagnosis.ApiCallsMax} | |"));
        text.AppendLine(Invariant($"| evidence reads asked / sent (all incidents) | {Diagnosis.Rows.Sum(r => r.Asked)} / {Diagnosis.Rows.Sum(r => r.Sent)} | |"));
        text.AppendLine(Invariant($"| slash-command ack p50 (50 concurrent, {Ack.SamplesMs.Count} requests) | {Ack.P50:0.0} ms | Slack's limit {SlackAckLimitMs:0} ms |"));
        text.AppendLine(Invariant($"| slash-command ack p99 | {Ack.P99:0.0} ms | under 100 ms |"));
        text.Append(Storm.ToTableRows());
        text.Append(Scale.ToTableRows());
        text.Append(Soak.ToTableRow());
        text.Append(Replicas.ToTableRows());
        return text.ToString();
    }

    private static double Round(double value) => Math.Round(value, 2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
