using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Charts;

/// <summary>One chart written as a PNG by `diagnose --charts DIR`: which verdict and chart it is, where, and its words.</summary>
internal sealed record ChartFile(int Verdict, int Chart, string Path, string AltText);

/// <summary>Writes every chart of a (redacted) report into a directory, named so a listing reads in verdict order.</summary>
internal static class ChartFiles
{
    public static IReadOnlyList<ChartFile> Write(DiagnosisReport report, string directory)
    {
        var files = new List<ChartFile>();
        for (var v = 0; v < report.Verdicts.Count; v++)
        {
            var verdict = report.Verdicts[v];
            for (var c = 0; c < verdict.Charts.Count; c++)
            {
                var chart = verdict.Charts[c];
                if (!ChartPainter.HasData(chart))
                {
                    continue;
                }

                var path = Path.Combine(directory, FileName(v + 1, verdict.Name, chart.Kind));
                File.WriteAllBytes(path, ChartPainter.Png(chart, ChartSize.Full));
                files.Add(new ChartFile(v, c, path, ChartAltText.For(chart)));
            }
        }

        return files;
    }

    /// <summary>e.g. "1-task-out-of-memory-memory-vs-limit.png"; anything but letters, digits and dashes becomes a dash.</summary>
    public static string FileName(int verdictNumber, string verdictName, string kind) =>
        $"{verdictNumber}-{Safe(verdictName)}-{Safe(kind)}.png";

    private static string Safe(string name) =>
        new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
