using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;

namespace DiagBot.Bot.Slack;

/// <summary>"Show raw evidence": the JSON contract's document in code blocks, as many as one message holds.</summary>
internal static class RawEvidenceRenderer
{
    // Room for the fences and the escaping of the usual characters of JSON (quotes need none; & < > do).
    private const int ChunkLength = 2400;

    public static SlackMessage Render(DiagnosisReport report, AnswerOrigin origin)
    {
        var json = JsonRenderer.Render(report, origin);
        var blocks = new JsonArray { BlockKit.Section(SlackMrkdwn.Format($"*Raw evidence* for {SlackMrkdwn.Code(report.Subject.Text)}")) };
        var chunks = json.Chunk(ChunkLength).Select(chars => new string(chars)).ToList();
        var room = BlockKitLimits.MaxBlocksPerMessage - 2;
        foreach (var chunk in chunks.Take(room))
        {
            blocks.Add(BlockKit.Section(SlackMrkdwn.CodeBlock(chunk)));
        }

        if (chunks.Count > room)
        {
            blocks.Add(BlockKit.Context([SlackMrkdwn.Own("Cut here: the rest does not fit in one Slack message. `diagnose --format json` in the CLI prints all of it.")]));
        }

        return SlackMessage.WithBlocks(SlackMrkdwn.Format($"Raw evidence for {report.Subject.Text}"), blocks);
    }
}
