using System.Globalization;
using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Slack;

/// <summary>
/// A diagnosis as Slack messages. The first page has the headline, where the answer came from and the buttons;
/// when the report is longer than one message allows (50 blocks) the rest waits behind a "show more" button.
/// </summary>
internal static class BlockKitRenderer
{
    public static SlackMessage Render(DiagnosisReport report, AnswerOrigin origin, int page = 1)
    {
        // Every quoted text is cleaned where it becomes mrkdwn or plain text (a SlackMrkdwn hole, BlockKit's builders),
        // so the report is not cleaned whole first: that cleaned every text twice, on every page of a long report.
        var pages = Paginate(ReportBlocks.Build(report));
        var index = Math.Clamp(page, 1, pages.Count);
        var subject = OutgoingText.Plain(report.Subject.Text);
        var blocks = new JsonArray();
        if (index == 1)
        {
            blocks.Add(BlockKit.Header("Diagnosis: " + subject));
            blocks.Add(BlockKit.Context([SlackMrkdwn.Text(origin.Description)]));
        }
        else
        {
            blocks.Add(BlockKit.Context([SlackMrkdwn.Format($"Diagnosis: {SlackMrkdwn.Code(subject)}, part {index} of {pages.Count}")]));
        }

        foreach (var block in pages[index - 1])
        {
            blocks.Add(block);
        }

        var buttons = Buttons(subject, index, index < pages.Count).ToList();
        if (buttons.Count > 0)
        {
            blocks.Add(BlockKit.Actions(buttons));
        }

        return SlackMessage.WithBlocks(Fallback(report), blocks);
    }

    /// <summary>The plain notification line: the subject and the first verdict's root cause.</summary>
    public static SlackMrkdwn Fallback(DiagnosisReport report)
    {
        // Only these three texts are shown, each cleaned as OutgoingText.Clean(report) would clean it; cleaning the
        // whole report here cost a third of every render of a long one.
        var subject = OutgoingText.Plain(report.Subject.Text);
        var first = report.Verdicts.FirstOrDefault();
        var text = first is null
            ? SlackMrkdwn.Format($"Diagnosis: {subject}: no failure mode confirmed")
            : SlackMrkdwn.Format($"Diagnosis: {subject}: {OutgoingText.Plain(first.Title)} ({first.Status.ToWire()}). {OutgoingText.Plain(first.RootCause)}");
        return text.Truncate(BlockKitLimits.MaxFallbackText);
    }

    /// <summary>Content blocks in pages that, with the fixed blocks around them, stay within a message's block limit.</summary>
    private static List<List<JsonObject>> Paginate(List<JsonObject> content)
    {
        // Two blocks lead (header and origin, or the "part n" line), one trails (the buttons).
        const int room = BlockKitLimits.MaxBlocksPerMessage - 3;
        var pages = content.Chunk(room).Select(chunk => chunk.ToList()).ToList();
        if (pages.Count == 0)
        {
            pages.Add([]);
        }

        return pages;
    }

    private static IEnumerable<JsonObject> Buttons(string subject, int page, bool hasMore)
    {
        // A value longer than Slack allows cannot carry the subject; the answer is then sent without buttons.
        if (SlackActions.ShowMoreValue(page + 1, subject).Length > BlockKitLimits.MaxButtonValue)
        {
            yield break;
        }

        if (page == 1)
        {
            yield return BlockKit.Button("Re-run", SlackActions.Rerun, subject);
            yield return BlockKit.Button("Share to channel", SlackActions.Share, subject, "primary");
            yield return BlockKit.Button("Show raw evidence", SlackActions.RawEvidence, subject);
        }

        if (hasMore)
        {
            yield return BlockKit.Button("Show more", SlackActions.ShowMore, SlackActions.ShowMoreValue(page + 1, subject));
        }
    }
}
