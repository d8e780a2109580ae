using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Charts;

/// <summary>One chart written as a PNG by `diagnose --charts DIR`: which verdict and chart it is, where, and its words.</summary>
internal sealed record ChartFile(int Verdict, int Chart, string Path, string AltText);

/// <summary>Writes every chart of a (redacted) report into a directory, named so a listing reads in verdict order.</summary>
internal static class ChartFiles
{
    public static IReadOnlyList<ChartFile> Write(DiagnosisReport report, string directory) =>
    [
        .. ChartImages.Of(report).Select(item =>
        {
            var path = Path.Combine(directory, FileName(item.Verdict + 1, item.VerdictName, item.Chart.Kind));
            File.WriteAllBytes(path, ChartPainter.Png(item.Chart, ChartSize.Full));
            return new ChartFile(item.Verdict, item.Index, path, item.AltText);
        }),
    ];

    /// <summary>e.g. "1-task-out-of-memory-memory-vs-limit.png"; anything but letters, digits and dashes becomes a dash.</summary>
    public static string FileName(int verdictNumber, string verdictName, string kind) =>
        $"{verdictNumber}-{Safe(verdictName)}-{Safe(kind)}.png";

    private static string Safe(string name) =>
        new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
