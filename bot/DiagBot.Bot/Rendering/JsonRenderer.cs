using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Rendering;

/// <summary>The stable JSON shape documented in docs/cli.md; other tools parse it.</summary>
public static class JsonRenderer
{
    // Relaxed escaping keeps quotes and backticks readable in confirm commands; the output is data, never HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(DiagnosisReport report, AnswerOrigin origin) => Write(ToJson(report, origin));

    /// <summary>An answer built by <see cref="ToJson"/> (and perhaps added to), written as the CLI prints it.</summary>
    public static string Write(JsonObject answer) => answer.ToJsonString(Indented);

    public static JsonObject ToJson(DiagnosisReport report, AnswerOrigin origin) => Build(OutgoingText.Clean(report), origin);

    private static JsonObject Build(DiagnosisReport report, AnswerOrigin origin) => new()
    {
        ["subject"] = report.Subject.Text,
        ["subjectKind"] = report.Subject.Kind,
        ["verdicts"] = new JsonArray(report.Verdicts.Select(Verdict).ToArray<JsonNode?>()),
        ["ranking"] = new JsonArray(report.Ranking.Select(ranked => (JsonNode?)new JsonObject
        {
            ["playbook"] = ranked.Playbook.Id,
            ["name"] = ranked.Playbook.Name,
            ["score"] = Math.Round(ranked.Score, 2),
            ["why"] = ranked.Why,
        }).ToArray()),
        ["missing"] = Gaps(report.TriageGaps),
        ["outside"] = new JsonArray(report.Outside.Select(outside => (JsonNode?)new JsonObject
        {
            ["name"] = outside.Name,
            ["rootCause"] = outside.RootCause,
            ["fix"] = new JsonArray(outside.Fix.Select(step => (JsonNode?)step).ToArray()),
            ["confirm"] = outside.Confirm,
        }).ToArray()),
        ["sandbox"] = origin.IsSandbox,
    };

    private static JsonObject Verdict(Verdict verdict) => new()
    {
        ["playbook"] = verdict.Playbook,
        ["name"] = verdict.Name,
        ["title"] = verdict.Title,
        ["status"] = verdict.Status.ToWire(),
        ["subCause"] = verdict.SubCause,
        ["rootCause"] = verdict.RootCause,
        ["evidence"] = new JsonArray(verdict.Evidence.Select(item => (JsonNode?)new JsonObject
        {
            ["source"] = item.Source,
            ["fact"] = item.Fact,
            ["value"] = item.Value,
        }).ToArray()),
        ["fix"] = new JsonArray(verdict.Fix.Select(step => (JsonNode?)step).ToArray()),
        ["confirm"] = verdict.Confirm,
        ["missing"] = Gaps(verdict.Missing),
        ["charts"] = ChartJson.Charts(verdict.Charts),
    };

    private static JsonArray Gaps(IReadOnlyList<EvidenceGap> gaps) => new(gaps.Select(gap => (JsonNode?)new JsonObject
    {
        ["source"] = gap.Source,
        ["operation"] = gap.Operation,
        ["reason"] = gap.Reason.ToWire(),
        ["detail"] = gap.Detail,
    }).ToArray());
}
