using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Bot.Charts;

namespace DiagBot.Bot.Cli;

/// <summary>Where `diagnose --charts DIR` put each chart: a Markdown section after the answer, or a "file" in each JSON chart.</summary>
internal static class ChartListing
{
    public static string Markdown(IReadOnlyList<ChartFile> files, string directory)
    {
        var text = new StringBuilder().AppendLine().AppendLine("## Charts").AppendLine();
        if (files.Count == 0)
        {
            return text.Append("No verdict carries a chart, so nothing was written to ").Append(directory).AppendLine(".").ToString();
        }

        foreach (var file in files)
        {
            text.Append("- `").Append(file.Path).Append("`: ").AppendLine(file.AltText);
        }

        return text.ToString();
    }

    public static void Json(JsonObject answer, IReadOnlyList<ChartFile> files)
    {
        foreach (var file in files)
        {
            ChartJsonFields.Set(answer, file.Verdict, file.Chart, "file", file.Path);
        }
    }
}
