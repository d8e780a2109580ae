using System.Net;
using System.Text.Json.Nodes;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Teams.Fakes;

namespace DiagBot.Bot.Tests.Teams;

public sealed class TeamsConversationTests : IAsyncLifetime
{
    private const string TeamChannel = "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2";

    private TeamsBotHarness _harness = null!;

    // The documented bot-added payload's tenant is the bot's own here: activities of any other tenant are refused.
    public async Task InitializeAsync() => _harness = await TeamsBotHarness.StartAsync(
        $"--DiagBot:Teams:IncidentConversation={TeamChannel}", "--DiagBot:Teams:TenantId=b28fdbfd-2b78-4f93-b0f8-8881793f0f8f");

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ConversationUpdate_BotAddedToTeam_WelcomesWithUsageAndRemembersTheChannel()
    {
        var activity = BotAdded();

        var response = await _harness.PostAsync(activity, _harness.Token());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var welcome = await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        Assert.Equal($"/v3/conversations/{TeamChannel}/activities/f:0b9079f4-d4d3-3d8e-b883-798298053c7e", welcome.Path);
        Assert.Contains("Usage:", welcome.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var reference = await _harness.Service<ITeamsConversationStore>().FindAsync(TeamChannel, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(TeamChannel, reference.ChannelId);
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", reference.TenantId);
    }

    [Fact]
    public async Task ProactivePost_IncidentConversation_StartsAThreadThenUpdatesIt()
    {
        await _harness.PostAsync(BotAdded(), _harness.Token());
        await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        var poster = _harness.Service<ITeamsConversationPoster>();
        var card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray() };

        var posted = await poster.PostAsync(null, card, "incident", CancellationToken.None);
        await poster.UpdateAsync(posted, card, "incident, updated", CancellationToken.None);

        var create = await _harness.Connector.NextAsync(call => call.Path == "/v3/conversations");
        Assert.Equal(TeamChannel, create.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsBotHarness.BotId, create.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", create.Body["activity"]!["attachments"]![0]!["contentType"]!.GetValue<string>());
        var update = await _harness.Connector.NextAsync(call => call.Method == "PUT");
        Assert.Equal($"/v3/conversations/{posted.ConversationId}/activities/{posted.ActivityId}", update.Path);
        Assert.StartsWith(TeamChannel + ";messageid=", posted.ConversationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProactivePost_OtherChannelOfTheTeam_StartsAThreadThroughTheTeamsConnector()
    {
        const string otherChannel = "19:5f2e7a1c9b3d4e6f8a0b1c2d3e4f5a6b@thread.tacv2";
        await _harness.PostAsync(BotAdded(), _harness.Token());
        await _harness.Connector.NextAsync(call => call.ActivityType == "message");

        await _harness.Service<ITeamsConversationPoster>().PostAsync(otherChannel, new JsonObject { ["type"] = "AdaptiveCard" }, "incident", CancellationToken.None);

        var create = await _harness.Connector.NextAsync(call => call.Path == "/v3/conversations");
        Assert.Equal(otherChannel, create.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("b28fdbfd-2b78-4f93-b0f8-8881793f0f8f", create.Body["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProactivePost_ConversationNeverSeen_SaysToAddTheBotFirst()
    {
        var poster = _harness.Service<ITeamsConversationPoster>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => poster.PostAsync("19:unknown@thread.tacv2", new JsonObject(), "x", CancellationToken.None));

        Assert.Contains("add the bot to that team or chat first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardButton_ShowRawEvidence_RepliesWithTheJsonVerbatim()
    {
        var activity = _harness.Activity(TeamsFixtures.PersonalMessage, $"/diagnose {TeamsBotHarness.OomTaskArn}");
        activity["value"] = new JsonObject { ["diagbot"] = "raw", ["subject"] = TeamsBotHarness.OomTaskArn };

        await _harness.PostAsync(activity, _harness.Token());

        var reply = await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        var card = reply.Body!["attachments"]![0]!["content"]!;
        Assert.StartsWith("Raw evidence", card["body"]![0]!["inlines"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var raw = JsonNode.Parse(card["body"]![1]!["inlines"]![0]!["text"]!.GetValue<string>())!;
        Assert.Equal("task", raw["subjectKind"]!.GetValue<string>());
        Assert.Equal(TeamsBotHarness.OomTaskArn, raw["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_AdaptiveCardRerun_AnswersTheInvokeAndRepliesWithTheCard()
    {
        var activity = _harness.Activity(TeamsFixtures.PersonalMessage);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["data"] = new JsonObject { ["diagbot"] = "rerun", ["subject"] = TeamsBotHarness.OomTaskArn },
            },
        };

        var response = await _harness.PostAsync(activity, _harness.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        var reply = await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        Assert.Contains(TeamsBotHarness.OomTaskArn, reply.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    private JsonObject BotAdded()
    {
        var activity = TeamsFixtures.Load(TeamsFixtures.BotAddedToTeam);
        activity["serviceUrl"] = _harness.Connector.ServiceUrl;
        activity["recipient"]!["id"] = TeamsBotHarness.BotId;
        activity["membersAdded"]![0]!["id"] = TeamsBotHarness.BotId;
        return activity;
    }
}
