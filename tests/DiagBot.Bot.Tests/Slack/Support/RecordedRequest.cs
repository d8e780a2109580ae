using System.Text.Json;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>One request the fake Slack received.</summary>
internal sealed record RecordedRequest(string Path, string? Authorization, string ContentType, string Body)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
