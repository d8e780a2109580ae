using System.Globalization;
using System.Text;

namespace DiagBot.Bench;

internal sealed record ScaleRow(string Kind, string Subject, int SmallCalls, int LargeCalls)
{
    public double Ratio => SmallCalls == 0 ? 0 : (double)LargeCalls / SmallCalls;
}

/// <summary>What the scale bench measured: calls per subject kind in both accounts, and the 200 concurrent diagnoses.</summary>
internal sealed record ScaleFigures(
    IReadOnlyList<ScaleRow> Rows, int Diagnoses, int Failed, int Sent, long Throttled, IReadOnlyList<double> DurationsL, double Seconds)
{
    public double WorstRatio => Rows.Max(r => r.Ratio);

    public double ThrottledShare => Sent == 0 ? 0 : (double)Throttled / Sent;

    public IReadOnlyDictionary<string, double?> Json => new Dictionary<string, double?>
    {
        ["large_account_api_calls_ratio"] = Math.Round(WorstRatio, 2),
        ["concurrent_diagnoses"] = Diagnoses,
        ["concurrent_failed"] = Failed,
        ["concurrent_throttled_share"] = Math.Round(ThrottledShare, 4),
        ["concurrent_p95_over_latency"] = Math.Round(Percentiles.Of(DurationsL, 95), 2),
    };

    public string ToTableRows()
    {
        var text = new StringBuilder();
        foreach (var row in Rows)
        {
            text.AppendLine(Invariant($"| calls per diagnosis, {row.Kind} (`{row.Subject}`): small / large account | {row.SmallCalls} / {row.LargeCalls} ({row.Ratio:0.00}x) | within 20 % |"));
        }

        text.AppendLine(Invariant($"| large / small API calls, worst subject kind | {WorstRatio:0.00} | at most 1.2 |"));
        text.AppendLine(Invariant($"| concurrent diagnoses in the large rate-limited account / failed | {Diagnoses} / {Failed} | none failed |"));
        text.AppendLine(Invariant($"| AWS calls sent / answered Throttling | {Sent} / {Throttled} ({ThrottledShare:P2}) | at most 1 % |"));
        text.AppendLine(Invariant($"| concurrent diagnosis p50 / p95 / the last one | {Percentiles.Of(DurationsL, 50):0.0} L / {Percentiles.Of(DurationsL, 95):0.0} L / {DurationsL.Max():0.0} L ({Seconds:0.0} s for all) | |"));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
