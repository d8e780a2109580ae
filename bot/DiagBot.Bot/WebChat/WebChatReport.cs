using System.Text.Json.Nodes;
using DiagBot.Bot.Charts;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.WebChat;

/// <summary>
/// The web chat's answer: the CLI's JSON, each chart with data also carrying its PNG as a data URI ("image") and its
/// words ("alt"), so the page shows the picture inline with no second request and no state kept on the server.
/// </summary>
internal static class WebChatReport
{
    public static JsonObject ToJson(DiagnosisReport report, AnswerOrigin origin)
    {
        var answer = JsonRenderer.ToJson(report, origin);
        foreach (var item in ChartImages.Of(OutgoingText.Clean(report)))
        {
            ChartJsonFields.Set(answer, item.Verdict, item.Index, "image", ChartImages.DataUri(ChartPainter.Png(item.Chart, ChartSize.Full)));
            ChartJsonFields.Set(answer, item.Verdict, item.Index, "alt", item.AltText);
        }

        return answer;
    }
}
