using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace DiagBot.Bot.Slack;

/// <summary>
/// The fields of a slash command DiagBot uses. Over HTTP they arrive form-encoded; over Socket Mode, as the
/// JSON payload of a `slash_commands` envelope with the same names.
/// </summary>
internal sealed record SlashCommand(string Command, string Text, string UserId, string ChannelId, Uri ResponseUrl, string? TeamId = null)
{
    public static SlashCommand? FromForm(byte[] body)
    {
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        }
        catch (ArgumentException)
        {
            return null;
        }

        return Create(Field(form, "command"), Field(form, "text"), Field(form, "user_id"), Field(form, "channel_id"), Field(form, "response_url"), Field(form, "team_id"));
    }

    public SlackAsker Asker => new(UserId, TeamId, ChannelId);

    public static SlashCommand? FromJson(JsonElement payload) =>
        payload.ValueKind != JsonValueKind.Object
            ? null
            : Create(payload.Text("command"), payload.Text("text"), payload.Text("user_id"), payload.Text("channel_id"), payload.Text("response_url"), payload.Text("team_id"));

    private static SlashCommand? Create(string? command, string? text, string? userId, string? channelId, string? responseUrl, string? teamId)
    {
        if (string.IsNullOrEmpty(command) || string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId)
            || !Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        return new SlashCommand(command, text ?? string.Empty, userId, channelId, url, string.IsNullOrEmpty(teamId) ? null : teamId);
    }

    private static string? Field(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string name) =>
        form.TryGetValue(name, out var value) ? value.ToString() : null;
}
