using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace DiagBot.Playbooks.Classification;

/// <summary>
/// One input line of <c>triage --jsonl</c>: <c>{"text": "...", "field": "stoppedReason", "exit_code": 137}</c>.
/// "text" is required. "field" missing or unknown is read as symptomText: an unlabelled sentence is what an
/// engineer types, and refusing it would lose an answer; an unknown name is echoed in the "why" so the caller
/// can see it was not understood. "exit_code" is an integer (a quoted integer is accepted), null or absent.
/// </summary>
internal sealed record TriageRequest(string Text, EvidenceField Field, int? ExitCode, string? FieldNote)
{
    public static bool TryParse(string line, [NotNullWhen(true)] out TriageRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "expected a JSON object";
                return false;
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                error = "\"text\" is required and must be a string";
                return false;
            }

            if (!TryReadField(root, out var field, out var fieldNote, out error) || !TryReadExitCode(root, out var exitCode, out error))
            {
                return false;
            }

            request = new TriageRequest(text.GetString()!, field, exitCode, fieldNote);
            return true;
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static bool TryReadField(JsonElement root, out EvidenceField field, out string? note, [NotNullWhen(false)] out string? error)
    {
        field = EvidenceField.SymptomText;
        note = null;
        error = null;
        if (!root.TryGetProperty("field", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            error = "\"field\" must be a string";
            return false;
        }

        if (!EvidenceFieldNames.TryParse(value.GetString(), out field))
        {
            field = EvidenceField.SymptomText;
            note = $"field \"{value.GetString()}\" is not known; read as symptomText";
        }

        return true;
    }

    private static bool IsExitCode(double number) => number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue;

    private static bool TryReadExitCode(JsonElement root, out int? exitCode, [NotNullWhen(false)] out string? error)
    {
        exitCode = null;
        error = null;
        if (!root.TryGetProperty("exit_code", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && IsExitCode(number))
        {
            exitCode = (int)number;
            return true;
        }

        // A quoted number is still the exit code a caller meant; anything else is not.
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var quoted))
        {
            exitCode = quoted;
            return true;
        }

        error = "\"exit_code\" must be an integer or null";
        return false;
    }
}
