using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiagBot.Bot.Teams;

/// <summary>
/// The card's buttons. Each is an Action.Submit whose `msteams` block makes it a messageBack: Teams sends the bot a
/// message activity with `text` (a command anyone could type) and `value` (the data below). Action.Execute
/// arrives instead as an invoke named adaptiveCard/action with the same data under value.action.data.
/// </summary>
internal static class TeamsCardActions
{
    public const string ActionKey = "diagbot";
    public const string SubjectKey = "subject";
    public const string Rerun = "rerun";
    public const string RawEvidence = "raw";

    public static JsonObject RerunButton(string subject) =>
        Submit("Re-run", Rerun, subject, "Re-run the diagnosis", $"/diagnose {subject}");

    public static JsonObject RawEvidenceButton(string subject) =>
        Submit("Show raw evidence", RawEvidence, subject, "Show the raw evidence", $"/diagnose {subject}");

    /// <summary>Reads a button press from a message's value or an invoke's value.action.data.</summary>
    public static CardAction? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        if (data.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            data = nested;
        }

        var kind = String(data, ActionKey);
        var subject = String(data, SubjectKey);
        return kind is Rerun or RawEvidence && !string.IsNullOrWhiteSpace(subject) ? new CardAction(kind, subject) : null;
    }

    private static JsonObject Submit(string title, string action, string subject, string displayText, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject
        {
            [ActionKey] = action,
            [SubjectKey] = subject,
            ["msteams"] = new JsonObject
            {
                ["type"] = "messageBack",
                ["displayText"] = Rendering.OutgoingText.Plain(displayText),
                ["text"] = text,
            },
        },
    };

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record CardAction(string Kind, string Subject);
