using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Outside;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Slack;

/// <summary>
/// The body of a diagnosis as Block Kit blocks, in reading order: per verdict the root cause, the evidence as a
/// compact list, the fix steps, the confirm command in a code block and the gaps in a context block.
/// The report comes as diagnosed: every piece of text from the infrastructure is a hole in <see cref="SlackMrkdwn.Format"/>
/// (or <see cref="SlackMrkdwn.Code"/>, <see cref="SlackMrkdwn.CodeBlock"/>), so it is cleaned and escaped there; long lists
/// are split across sections.
/// </summary>
internal static class ReportBlocks
{
    public static List<JsonObject> Build(DiagnosisReport report)
    {
        var blocks = new List<JsonObject>();
        if (report.Verdicts.Count == 0)
        {
            blocks.AddRange(NoVerdict(report));
        }

        var number = 0;
        foreach (var verdict in report.Verdicts)
        {
            if (number > 0)
            {
                blocks.Add(BlockKit.Divider());
            }

            blocks.AddRange(Verdict(++number, verdict));
        }

        foreach (var outside in report.Outside)
        {
            if (blocks.Count > 0)
            {
                blocks.Add(BlockKit.Divider());
            }

            blocks.AddRange(Outside(outside));
        }

        blocks.AddRange(Gaps("Triage could not read", report.TriageGaps));
        return blocks;
    }

    private static IEnumerable<JsonObject> Verdict(int number, Verdict verdict)
    {
        var title = SlackMrkdwn.Format($"*{number}. {verdict.Title}*  `{verdict.Status.ToWire()}` · playbook {verdict.Playbook} {verdict.Name}");
        yield return BlockKit.Section(SlackMrkdwn.Format($"{title}\n*Root cause:* {verdict.RootCause}"));
        var evidence = verdict.Evidence.Select(item => SlackMrkdwn.Format($"• {item.Fact}: {SlackMrkdwn.Code(item.Value)} _{item.Source}_"));
        foreach (var block in Sections(SlackMrkdwn.Own("*Evidence*"), evidence))
        {
            yield return block;
        }

        var fix = verdict.Fix.Select((step, index) => SlackMrkdwn.Format($"{index + 1}. {step}"));
        foreach (var block in Sections(SlackMrkdwn.Own("*Fix*"), fix))
        {
            yield return block;
        }

        if (verdict.Confirm is not null)
        {
            const string heading = "*Confirm*\n";
            var room = BlockKitLimits.MaxSectionText - heading.Length - 6;

            // Cleaned before it is cut: a secret the cut would split must still be found whole.
            yield return BlockKit.Section(SlackMrkdwn.Own(heading) + SlackMrkdwn.CodeBlock(SlackText.Truncate(OutgoingText.Plain(verdict.Confirm), room / 2)));
        }

        foreach (var block in Gaps("Could not read", verdict.Missing))
        {
            yield return block;
        }
    }

    // A failure DiagBot recognises but no playbook owns: named, with its fix and confirm, never a shrug.
    private static IEnumerable<JsonObject> Outside(OutsideFailure outside)
    {
        yield return BlockKit.Section(SlackMrkdwn.Format($"*{OutsideFailure.Heading}:* {SlackMrkdwn.Code(outside.Name)}\n*Root cause:* {outside.RootCause}"));
        var fix = outside.Fix.Select((step, index) => SlackMrkdwn.Format($"{index + 1}. {step}"));
        foreach (var block in Sections(SlackMrkdwn.Own("*Fix*"), fix))
        {
            yield return block;
        }

        const string heading = "*Confirm*\n";
        var room = BlockKitLimits.MaxSectionText - heading.Length - 6;
        yield return BlockKit.Section(SlackMrkdwn.Own(heading) + SlackMrkdwn.CodeBlock(SlackText.Truncate(OutgoingText.Plain(outside.Confirm), room / 2)));
    }

    private static IEnumerable<JsonObject> NoVerdict(DiagnosisReport report)
    {
        if (report.TriageGaps.Count > 0)
        {
            return [BlockKit.Section(SlackMrkdwn.Own("DiagBot could not read the subject's first facts, so no playbook ran. What failed is listed below."))];
        }

        if (report.Ranking.Count == 0)
        {
            return report.Outside.Count > 0 ? [] : [BlockKit.Section(SlackMrkdwn.Text(NoMatchHint.Markdown))];
        }

        var ranking = report.Ranking.Select(ranked =>
            SlackMrkdwn.Format($"• {ranked.Playbook.Title} (playbook {ranked.Playbook.Id}, score {ranked.Score:0.00}): {ranked.Why}"));
        return Sections(SlackMrkdwn.Own("*Likely failure modes* (from the words alone; give the task ARN to confirm one)"), ranking);
    }

    private static IEnumerable<JsonObject> Gaps(string heading, IReadOnlyList<EvidenceGap> gaps)
    {
        if (gaps.Count == 0)
        {
            return [];
        }

        var lines = gaps.Select(gap => SlackMrkdwn.Format($"{gap.Source}:{gap.Operation} ({gap.Reason.ToWire()}): {gap.Detail}"));
        var texts = Chunk(SlackMrkdwn.Format($":warning: *{heading}*"), lines).ToList();
        return texts.Chunk(BlockKitLimits.MaxContextElements).Select(chunk => BlockKit.Context(chunk));
    }

    private static IEnumerable<JsonObject> Sections(SlackMrkdwn heading, IEnumerable<SlackMrkdwn> lines) =>
        Chunk(heading, lines).Select(BlockKit.Section);

    /// <summary>Lines joined into texts within a section's limit; the heading starts the first, a single long line is cut.</summary>
    private static IEnumerable<SlackMrkdwn> Chunk(SlackMrkdwn heading, IEnumerable<SlackMrkdwn> lines)
    {
        var text = heading;
        var any = false;
        foreach (var raw in lines)
        {
            var line = raw.Truncate(BlockKitLimits.MaxSectionText - heading.Length - 1);
            if (text.Length + 1 + line.Length > BlockKitLimits.MaxSectionText)
            {
                yield return text;
                text = SlackMrkdwn.Empty;
            }

            text = text.Length > 0 ? text + SlackMrkdwn.Own("\n") + line : line;
            any = true;
        }

        if (any)
        {
            yield return text;
        }
    }
}
