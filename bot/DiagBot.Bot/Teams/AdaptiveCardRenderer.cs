using System.Globalization;
using System.Text.Json.Nodes;
using DiagBot.Bot.Rendering;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Outside;
using DiagBot.Playbooks.Verdicts;
using static DiagBot.Bot.Teams.AdaptiveCardElements;

namespace DiagBot.Bot.Teams;

/// <summary>A diagnosis as an Adaptive Card: root cause first, then evidence, fix, confirm command, gaps, buttons.</summary>
internal static class AdaptiveCardRenderer
{
    public static JsonObject Render(DiagnosisReport report, AnswerOrigin origin)
    {
        report = OutgoingText.Clean(report);
        var body = new List<JsonNode> { Heading($"Diagnosis: {report.Subject.Text}", "Large") };
        if (origin.IsSandbox)
        {
            body.Add(Text(Run(origin.Description, subtle: true)));
        }

        if (report.Verdicts.Count == 0 && (report.Outside.Count == 0 || report.Ranking.Count > 0 || report.TriageGaps.Count > 0))
        {
            body.Add(NoVerdict(report));
        }

        var number = 0;
        body.AddRange(report.Verdicts.Select(verdict => VerdictBlock(++number, verdict)));
        body.AddRange(report.Outside.Select(OutsideBlock));
        if (report.TriageGaps.Count > 0)
        {
            body.Add(Container(Gaps("Evidence triage could not read", report.TriageGaps), separator: true));
        }

        var subject = report.Subject.Text;
        var card = Card(body, [TeamsCardActions.RerunButton(subject), TeamsCardActions.RawEvidenceButton(subject)], TeamsFallbackText.For(report, origin));
        return TeamsChartImages.Fit(card);
    }

    private static JsonObject VerdictBlock(int number, Verdict verdict)
    {
        var items = new List<JsonNode>
        {
            Text(
                Run(string.Create(CultureInfo.InvariantCulture, $"{number}. {verdict.Title} "), weight: "Bolder", size: "Medium"),
                Run(verdict.Status.ToWire(), weight: "Bolder", color: StatusColor(verdict.Status)),
                Run(string.Create(CultureInfo.InvariantCulture, $"  playbook {verdict.Playbook} {verdict.Name}"), subtle: true)),
            Text(Run("Root cause: ", weight: "Bolder"), Run(verdict.RootCause)),
        };
        items.AddRange(TeamsChartImages.For(number, verdict));
        if (verdict.Evidence.Count > 0)
        {
            items.Add(Text(Run("Evidence", weight: "Bolder")));
            items.AddRange(verdict.Evidence.Select(item =>
                Text(Run($"{item.Fact}: "), Run(item.Value, monospace: true), Run($"  ({item.Source})", subtle: true))));
        }

        if (verdict.Fix.Count > 0)
        {
            items.Add(Text(Run("Fix", weight: "Bolder")));
            var step = 0;
            items.AddRange(verdict.Fix.Select(fix => Text(Run(string.Create(CultureInfo.InvariantCulture, $"{++step}. {fix}")))));
        }

        if (verdict.Confirm is not null)
        {
            items.Add(Text(Run("Confirm", weight: "Bolder")));
            items.Add(Text(Run(verdict.Confirm, monospace: true)));
        }

        items.AddRange(Gaps("Evidence that could not be read", verdict.Missing));
        return Container(items, separator: true);
    }

    // A failure DiagBot recognises but no playbook owns: named, with its fix and confirm, never a shrug.
    private static JsonObject OutsideBlock(OutsideFailure outside)
    {
        var items = new List<JsonNode>
        {
            Text(Run($"{OutsideFailure.Heading}: ", weight: "Bolder", size: "Medium"), Run(outside.Name, monospace: true)),
            Text(Run("Root cause: ", weight: "Bolder"), Run(outside.RootCause)),
            Text(Run("Fix", weight: "Bolder")),
        };
        var step = 0;
        items.AddRange(outside.Fix.Select(fix => Text(Run(string.Create(CultureInfo.InvariantCulture, $"{++step}. {fix}")))));
        items.Add(Text(Run("Confirm", weight: "Bolder")));
        items.Add(Text(Run(outside.Confirm, monospace: true)));
        return Container(items, separator: true);
    }

    private static JsonObject NoVerdict(DiagnosisReport report)
    {
        if (report.TriageGaps.Count > 0)
        {
            return Text(Run("DiagBot could not read the subject's first facts, so no playbook ran. What failed is listed below."));
        }

        if (report.Ranking.Count == 0)
        {
            return Text(Run(NoMatchHint.PlainQuoted));
        }

        var items = new List<JsonNode> { Text(Run("Likely failure modes (from the words alone; give the task ARN to confirm one):", weight: "Bolder")) };
        items.AddRange(report.Ranking.Select(ranked => Text(Run(string.Create(
            CultureInfo.InvariantCulture, $"- {ranked.Playbook.Title} (playbook {ranked.Playbook.Id}, score {ranked.Score:0.00}): {ranked.Why}")))));
        items.Add(Text(Run("Find the task ARN with: "), Run("aws ecs list-tasks --cluster <cluster> --desired-status STOPPED", monospace: true)));
        return Container(items);
    }

    private static IEnumerable<JsonNode> Gaps(string heading, IReadOnlyList<EvidenceGap> gaps)
    {
        if (gaps.Count == 0)
        {
            yield break;
        }

        yield return Text(Run(heading, weight: "Bolder", color: "Warning"));
        foreach (var gap in gaps)
        {
            yield return Text(Run($"{gap.Source}:{gap.Operation} ({gap.Reason.ToWire()}): "), Run(gap.Detail));
        }
    }

    private static string? StatusColor(VerdictStatus status) => status switch
    {
        VerdictStatus.Confirmed => "Attention",
        VerdictStatus.Likely => "Warning",
        VerdictStatus.RuledOut => "Good",
        _ => null,
    };
}
