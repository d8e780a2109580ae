using System.Globalization;
using System.Text;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Outside;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Rendering;

/// <summary>Markdown for the terminal and the web chat: root cause first, then evidence, fix, confirm, gaps.</summary>
public static class MarkdownRenderer
{
    public static string Render(DiagnosisReport report, AnswerOrigin origin)
    {
        report = OutgoingText.Clean(report);
        var text = new StringBuilder();
        text.Append("# Diagnosis: ").AppendLine(report.Subject.Text);
        if (origin.IsSandbox)
        {
            text.Append("> ").AppendLine(origin.Description);
        }

        text.AppendLine();
        if (report.Verdicts.Count == 0)
        {
            RenderNoVerdict(report, text);
        }

        var number = 0;
        foreach (var verdict in report.Verdicts)
        {
            RenderVerdict(++number, verdict, text);
        }

        foreach (var outside in report.Outside)
        {
            RenderOutside(outside, text);
        }

        RenderGaps("Evidence triage could not read", report.TriageGaps, text);
        return text.ToString().TrimEnd() + "\n";
    }

    private static void RenderNoVerdict(DiagnosisReport report, StringBuilder text)
    {
        if (report.TriageGaps.Count > 0)
        {
            text.AppendLine("DiagBot could not read the subject's first facts, so no playbook ran. What failed is listed below.");
            text.AppendLine();
            return;
        }

        if (report.Ranking.Count == 0)
        {
            if (report.Outside.Count > 0)
            {
                return;
            }

            text.AppendLine(NoMatchHint.Markdown);
            text.AppendLine();
            return;
        }

        text.AppendLine("Likely failure modes (from the words alone; give the task ARN to confirm one):");
        foreach (var ranked in report.Ranking)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {ranked.Playbook.Title} (playbook {ranked.Playbook.Id}, score {ranked.Score:0.00}): {ranked.Why}").AppendLine();
        }

        text.AppendLine("Find the task ARN with: `aws ecs list-tasks --cluster <cluster> --desired-status STOPPED`");
        text.AppendLine();
    }

    private static void RenderVerdict(int number, Verdict verdict, StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $"## {number}. {verdict.Title} (playbook {verdict.Playbook} {verdict.Name}, {verdict.Status.ToWire()})").AppendLine();
        text.Append("**Root cause:** ").AppendLine(verdict.RootCause);
        text.AppendLine();
        if (verdict.Evidence.Count > 0)
        {
            text.AppendLine("**Evidence**");
            foreach (var item in verdict.Evidence)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {item.Fact}: `{item.Value}` ({item.Source})").AppendLine();
            }

            text.AppendLine();
        }

        if (verdict.Fix.Count > 0)
        {
            text.AppendLine("**Fix**");
            var step = 0;
            foreach (var fix in verdict.Fix)
            {
                text.Append(CultureInfo.InvariantCulture, $"{++step}. {fix}").AppendLine();
            }

            text.AppendLine();
        }

        if (verdict.Confirm is not null)
        {
            text.AppendLine("**Confirm**").AppendLine("```sh").AppendLine(verdict.Confirm).AppendLine("```").AppendLine();
        }

        RenderGaps("Evidence that could not be read", verdict.Missing, text);
    }

    // A failure DiagBot recognises but no playbook owns: named, with its fix and confirm, never a shrug.
    private static void RenderOutside(OutsideFailure outside, StringBuilder text)
    {
        text.Append("## ").Append(OutsideFailure.Heading).Append(": ").AppendLine(outside.Name);
        text.Append("**Root cause:** ").AppendLine(outside.RootCause);
        text.AppendLine();
        text.AppendLine("**Fix**");
        var step = 0;
        foreach (var fix in outside.Fix)
        {
            text.Append(CultureInfo.InvariantCulture, $"{++step}. {fix}").AppendLine();
        }

        text.AppendLine();
        text.AppendLine("**Confirm**").AppendLine("```sh").AppendLine(outside.Confirm).AppendLine("```").AppendLine();
    }

    private static void RenderGaps(string heading, IReadOnlyList<EvidenceGap> gaps, StringBuilder text)
    {
        if (gaps.Count == 0)
        {
            return;
        }

        text.Append("**").Append(heading).AppendLine("**");
        foreach (var gap in gaps)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {gap.Source}:{gap.Operation} ({gap.Reason.ToWire()}): {gap.Detail}").AppendLine();
        }

        text.AppendLine();
    }
}
