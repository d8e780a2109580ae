using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Charts;

/// <summary>A chart worth drawing, with where it sits in the report: the verdict's and the chart's position.</summary>
internal sealed record ReportChart(int Verdict, int Index, string VerdictName, Chart Chart)
{
    public string AltText => ChartAltText.For(Chart);
}

/// <summary>The charts of a report that have data to draw, in verdict order; every channel draws from this list.</summary>
internal static class ChartImages
{
    /// <summary>Give it the redacted report: chart words quote infrastructure names, like evidence does.</summary>
    public static IReadOnlyList<ReportChart> Of(DiagnosisReport redacted) =>
    [
        .. redacted.Verdicts.SelectMany((verdict, v) => verdict.Charts
            .Select((chart, c) => new ReportChart(v, c, verdict.Name, chart))
            .Where(item => ChartPainter.HasData(item.Chart))),
    ];

    /// <summary>An incident's charts, cleaned here, under the name of the playbook its post names.</summary>
    public static IReadOnlyList<ReportChart> Of(string playbook, IReadOnlyList<Chart> charts) =>
    [
        .. charts.Select((chart, c) => new ReportChart(0, c, playbook, OutgoingText.Clean(chart))).Where(item => ChartPainter.HasData(item.Chart)),
    ];

    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
