using System.Text.Json;

namespace DiagBot.Bot.Tests.Slack.Support;

/// <summary>One request the fake Slack received.</summary>
internal sealed record RecordedRequest(string Path, string? Authorization, string ContentType, string Body)
{
    /// <summary>A form post's fields (application/x-www-form-urlencoded).</summary>
    public IReadOnlyDictionary<string, string> Form()
    {
        var form = System.Web.HttpUtility.ParseQueryString(Body);
        return form.AllKeys.OfType<string>().ToDictionary(key => key, key => form[key]!, StringComparer.Ordinal);
    }

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
