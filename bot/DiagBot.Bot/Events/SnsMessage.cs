using System.Text;
using System.Text.Json;
using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Events;

/// <summary>
/// An SNS HTTP(S) delivery: Notification, SubscriptionConfirmation or UnsubscribeConfirmation, with the fields
/// its signature covers. String to sign (SNS developer guide, "Verifying the signatures of Amazon SNS messages"):
/// each "Name\nValue\n" in byte order of the names; Notification signs Message, MessageId, Subject (if present),
/// Timestamp, TopicArn, Type; the confirmations sign Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.
/// </summary>
internal sealed record SnsMessage(IReadOnlyDictionary<string, string> Fields)
{
    public const string Notification = "Notification";
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string UnsubscribeConfirmation = "UnsubscribeConfirmation";

    private static readonly string[] NotificationFields = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
    private static readonly string[] ConfirmationFields = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];

    public string? Type => Field("Type");

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public static SnsMessage? TryParse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, StrictJson.Document);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var fields = document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            return new SnsMessage(fields);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The bytes the signature covers, or null when a signed field is missing or the type is unknown.</summary>
    public byte[]? StringToSign()
    {
        var names = Type switch
        {
            Notification => NotificationFields,
            SubscriptionConfirmation or UnsubscribeConfirmation => ConfirmationFields,
            _ => null,
        };
        if (names is null)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var name in names)
        {
            if (Field(name) is { } value)
            {
                text.Append(name).Append('\n').Append(value).Append('\n');
            }
            else if (name != "Subject")
            {
                return null;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
