using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace DiagBot.Bot.Tests.Teams.Fakes;

/// <summary>Activity payloads captured from Microsoft's documentation; each names its source in "_source", dropped on load.</summary>
internal static class TeamsFixtures
{
    public const string PersonalMessage = "personal-message.json";
    public const string ChannelMention = "channel-mention.json";
    public const string BotAddedToTeam = "conversation-update-bot-added.json";

    public static JsonObject Load(string name)
    {
        var directory = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!, "Fixtures");
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, name)))!.AsObject();
        activity.Remove("_source");
        return activity;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
