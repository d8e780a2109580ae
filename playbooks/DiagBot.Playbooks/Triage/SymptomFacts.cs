using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Triage;

public static class SymptomFacts
{
    public static TriageFact From(string words) =>
        new(EvidenceField.SymptomText, words, ExitCodeIn(words), "your words");

    // "exit 137" or "exit code 137" in the engineer's words is as good as the field.
    private static int? ExitCodeIn(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"\bexit(?:\s+code)?\s*[:=]?\s*(\d{1,3})\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
