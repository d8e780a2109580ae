using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Rendering;

/// <summary>
/// Strips credentials from what a report quotes (log excerpts, evidence values, gap details, the subject) before any
/// renderer shows it. What it knows is in <see cref="SecretPatterns"/>; tests/corpus/secrets.tsv holds the formats
/// it must catch and the identifiers it must leave readable. Only <see cref="OutgoingText"/> calls it.
/// </summary>
internal static class Redactor
{
    public const string Mask = "[redacted]";

    public static DiagnosisReport Redact(DiagnosisReport report, Func<string, string> before)
    {
        string Clean(string text) => Redact(before(text));
        return report with
        {
            Subject = report.Subject with { Text = Clean(report.Subject.Text) },
            Verdicts = [.. report.Verdicts.Select(verdict => Redact(verdict, Clean))],
            Ranking = [.. report.Ranking.Select(ranked => ranked with { Why = Clean(ranked.Why) })],
            SubjectProblem = report.SubjectProblem is null ? null : Clean(report.SubjectProblem),
            TriageGaps = [.. report.TriageGaps.Select(gap => Redact(gap, Clean))],
            Outside = [.. report.Outside.Select(outside => outside with
            {
                RootCause = Clean(outside.RootCause), Fix = [.. outside.Fix.Select(Clean)], Confirm = Clean(outside.Confirm),
            })],
        };
    }

    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            foreach (var pattern in SecretPatterns.All)
            {
                text = pattern(text);
            }

            return text;
        }
        catch (RegexMatchTimeoutException)
        {
            // Text too hostile to scan in time is not shown at all.
            return Mask;
        }
    }

    private static Verdict Redact(Verdict verdict, Func<string, string> clean) => verdict with
    {
        Title = clean(verdict.Title),
        RootCause = clean(verdict.RootCause),
        SubCause = verdict.SubCause is null ? null : clean(verdict.SubCause),
        Evidence = [.. verdict.Evidence.Select(item => item with { Fact = clean(item.Fact), Value = clean(item.Value), Source = clean(item.Source) })],
        Fix = [.. verdict.Fix.Select(clean)],
        Confirm = verdict.Confirm is null ? null : clean(verdict.Confirm),
        Missing = [.. verdict.Missing.Select(gap => Redact(gap, clean))],
        Charts = [.. verdict.Charts.Select(chart => Redact(chart, clean))],
    };

    /// <summary>A chart outside a report (an incident post's): its words cleaned as a report's charts are.</summary>
    public static Chart RedactChart(Chart chart, Func<string, string> before) => Redact(chart, text => Redact(before(text)));

    // Chart words quote infrastructure names (services, target groups) like evidence does; the numbers are ours.
    private static Chart Redact(Chart chart, Func<string, string> clean) => chart with
    {
        Title = clean(chart.Title),
        Series = [.. chart.Series.Select(series => series with { Name = clean(series.Name) })],
        Markers = [.. chart.Markers.Select(marker => marker with { Label = clean(marker.Label) })],
        Thresholds = [.. chart.Thresholds.Select(threshold => threshold with { Label = clean(threshold.Label) })],
    };

    private static EvidenceGap Redact(EvidenceGap gap, Func<string, string> clean) => gap with { Detail = clean(gap.Detail) };
}
