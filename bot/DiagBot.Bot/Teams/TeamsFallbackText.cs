using System.Text;
using DiagBot.Bot.Rendering;
using DiagBot.Playbooks.Diagnosis;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Bot.Teams;

/// <summary>
/// The text a client shows when it cannot render the card (the card's fallbackText, which Teams treats as
/// Markdown): one line per verdict, with Markdown characters escaped so evidence never turns into formatting.
/// </summary>
internal static class TeamsFallbackText
{
    // Only what can start formatting mid-line: emphasis, code, links, HTML, headings, strike, tables.
    private const string MarkdownCharacters = "\\`*_[]<>#~|";

    public static string For(DiagnosisReport report, AnswerOrigin origin)
    {
        report = Redactor.Redact(report);
        var text = new StringBuilder();
        text.Append("Diagnosis: ").Append(Escape(report.Subject.Text));
        foreach (var verdict in report.Verdicts)
        {
            text.Append("\n\n").Append(Escape($"{verdict.Title} ({verdict.Status.ToWire()}): {verdict.RootCause}"));
        }

        foreach (var outside in report.Outside)
        {
            text.Append("\n\n").Append(Escape($"Outside the fifteen failure modes, {outside.Name}: {outside.RootCause}"));
        }

        if (report.Verdicts.Count == 0 && report.Outside.Count == 0)
        {
            text.Append("\n\nNo failure mode confirmed.");
        }

        if (origin.IsSandbox)
        {
            text.Append("\n\n").Append(Escape(origin.Description));
        }

        return text.ToString();
    }

    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (MarkdownCharacters.Contains(character, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }
}
