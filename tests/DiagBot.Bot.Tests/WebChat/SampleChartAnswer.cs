using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Bot.Tests.Charts;
using DiagBot.Bot.Tests.Support;
using DiagBot.Bot.WebChat;

namespace DiagBot.Bot.Tests.WebChat;

/// <summary>
/// The web chat's answer line for an out-of-memory verdict carrying a memory chart, exactly as the endpoint writes
/// it (WebChatReport), saved for the browser tests, which serve it to the page to check how the card shows a chart.
/// </summary>
internal static class SampleChartAnswer
{
    public static string Write(string directory)
    {
        var report = Reports.OutOfMemory();
        report = report with { Verdicts = [report.Verdicts[0] with { Charts = [RealisticCharts.Memory()] }] };
        var origin = new AnswerOrigin(true, "Answered from the DiagBot sandbox.");
        var line = new JsonObject { ["type"] = "verdict", ["report"] = WebChatReport.ToJson(report, origin) };
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "webchat-chart-answer.ndjson");
        File.WriteAllText(path, line.ToJsonString() + "\n");
        return path;
    }
}
