using System.Net;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Teams.Fakes;

namespace DiagBot.Bot.Tests.Teams;

public sealed class TeamsMessageTests : IAsyncLifetime
{
    private TeamsBotHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TeamsBotHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task PersonalMessage_DiagnoseSeededTask_RepliesWithAdaptiveCardInThatConversationWithBearerToken()
    {
        var activity = _harness.Activity(TeamsFixtures.PersonalMessage, $"/diagnose {TeamsBotHarness.OomTaskArn}");
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        var response = await _harness.PostAsync(activity, _harness.Token());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var typing = await _harness.Connector.NextAsync(call => call.ActivityType == "typing");
        Assert.Equal($"/v3/conversations/{conversationId}/activities", typing.Path);
        var reply = await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"/v3/conversations/{conversationId}/activities/1485983408511", reply.Path);
        Assert.Equal($"Bearer {FakeIdentityServer.AccessToken}", reply.Authorization);
        Assert.Equal(TeamsBotHarness.BotId, reply.Body!["from"]!["id"]!.GetValue<string>());
        Assert.Equal(activity["from"]!["id"]!.GetValue<string>(), reply.Body["recipient"]!["id"]!.GetValue<string>());
        var attachment = reply.Body["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!.AsObject();
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var text = card.ToJsonString();
        Assert.Contains(TeamsBotHarness.OomTaskArn, text, StringComparison.Ordinal);
        Assert.Contains("Answered from the DiagBot sandbox", text, StringComparison.Ordinal);
        Assert.Contains("\"confirmed\"", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(card["fallbackText"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ChannelMention_BotMentionIsStrippedAndReplyGoesToTheThread()
    {
        var activity = _harness.Activity(TeamsFixtures.ChannelMention, $"<at>DiagBot</at> diagnose {TeamsBotHarness.OomTaskArn}");
        activity["id"] = "1481567603816";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = TeamsBotHarness.BotId, ["name"] = "DiagBot" },
            ["text"] = "<at>DiagBot</at>",
        });

        await _harness.PostAsync(activity, _harness.Token());

        var reply = await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        Assert.Equal("/v3/conversations/19:aebd0ad4d6ab42c8b9ed19c251c2fc37@thread.skype;messageid=1481567603816/activities/1481567603816", reply.Path);
        Assert.Contains(TeamsBotHarness.OomTaskArn, reply.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ConnectorAnswers429Then503_IsRetriedAndDelivered()
    {
        var activity = _harness.Activity(TeamsFixtures.PersonalMessage, "help");
        _harness.Connector.FailNext(429, 503);

        await _harness.PostAsync(activity, _harness.Token());

        Assert.Equal(429, (await _harness.Connector.NextAsync(_ => true)).Status);
        Assert.Equal(503, (await _harness.Connector.NextAsync(_ => true)).Status);
        var delivered = await _harness.Connector.NextAsync(_ => true);
        Assert.Equal(200, delivered.Status);
        Assert.Equal("message", delivered.ActivityType);
    }

    [Fact]
    public async Task Replies_TwoTurns_GetOneTokenFromTheTokenEndpoint()
    {
        await _harness.PostAsync(_harness.Activity(TeamsFixtures.PersonalMessage, "help"), _harness.Token());
        await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        await _harness.PostAsync(_harness.Activity(TeamsFixtures.PersonalMessage, "help"), _harness.Token());
        await _harness.Connector.NextAsync(call => call.ActivityType == "message");

        var request = Assert.Single(_harness.Identity.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
        Assert.Equal(TeamsBotHarness.AppId, request["client_id"]);
        Assert.Equal(FakeIdentityServer.Tenant, request["_tenant"]);
    }

    [Fact]
    public async Task Message_UnknownOption_RepliesWithTheParsersErrorAndUsage()
    {
        await _harness.PostAsync(_harness.Activity(TeamsFixtures.PersonalMessage, "/diagnose x --verbose"), _harness.Token());

        var reply = await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        var text = reply.Body!["text"]!.GetValue<string>();
        Assert.Contains("Unknown option --verbose", text, StringComparison.Ordinal);
        Assert.Contains("Usage:", text, StringComparison.Ordinal);
    }
}
