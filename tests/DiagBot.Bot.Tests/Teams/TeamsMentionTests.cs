using System.Text.Json;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Teams.Fakes;

namespace DiagBot.Bot.Tests.Teams;

public sealed class TeamsMentionTests
{
    [Fact]
    public void StripBotMention_DocumentedChannelMention_KeepsOtherPeoplesNamesAsWords()
    {
        var activity = Load(TeamsFixtures.ChannelMention);

        Assert.Equal("Hey Pranav Smith check out this message", TeamsMention.StripBotMention(activity));
    }

    [Theory]
    [InlineData("<at>DiagBot</at> diagnose task abc")]
    [InlineData("<at>@DiagBot</at>&nbsp;diagnose task abc")]
    [InlineData("diagnose <at>DiagBot</at> task abc")]
    public void StripBotMention_BotMentionedByEntity_LeavesTheCommandForTheSharedParser(string text)
    {
        var activity = Load(TeamsFixtures.ChannelMention) with
        {
            Text = text,
            Recipient = new TeamsAccount("28:bot", "DiagBot"),
            Entities = [new TeamsEntity("mention", new TeamsAccount("28:bot", "DiagBot"), "<at>DiagBot</at>")],
        };

        var command = ChatCommandParser.Parse(TeamsMention.StripBotMention(activity));

        Assert.Equal(ChatCommandKind.Diagnose, command.Kind);
        Assert.Equal("task abc", command.Subject);
    }

    private static TeamsActivity Load(string fixture) =>
        JsonSerializer.Deserialize<TeamsActivity>(TeamsFixtures.Load(fixture).ToJsonString(), TeamsJson.Options)!;
}
