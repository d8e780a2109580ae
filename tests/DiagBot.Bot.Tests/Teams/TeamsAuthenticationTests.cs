using System.Net;
using DiagBot.Bot.Teams;
using DiagBot.Bot.Tests.Teams.Fakes;

namespace DiagBot.Bot.Tests.Teams;

public sealed class TeamsAuthenticationTests : IAsyncLifetime
{
    private TeamsBotHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await TeamsBotHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Messages_ValidToken_IsAcceptedAndAnswered()
    {
        var activity = _harness.Activity(TeamsFixtures.PersonalMessage, "help");

        var response = await _harness.PostAsync(activity, _harness.Token());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = await _harness.Connector.NextAsync(call => call.ActivityType == "message");
        Assert.Contains("/diagnose", reply.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string> BadTokens => ["expired", "wrong audience", "wrong issuer", "bad signature", "unknown key", "serviceUrl mismatch", "none", "not a jwt"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Messages_BadToken_IsRejectedWith401AndNotProcessed(string kind)
    {
        var conversationId = $"a:rejected-{kind.Replace(' ', '-')}";
        var activity = _harness.Activity(TeamsFixtures.PersonalMessage, $"/diagnose {TeamsBotHarness.OomTaskArn}");
        activity["conversation"]!["id"] = conversationId;
        var token = kind switch
        {
            "expired" => _harness.Token(expires: TimeProvider.System.GetUtcNow().AddHours(-1)),
            "wrong audience" => _harness.Token(audience: "some-other-bot"),
            "wrong issuer" => _harness.Token(issuer: "https://sts.windows.net/attacker/"),
            "bad signature" => _harness.Token(key: _harness.Identity.Keys.Forger),
            "unknown key" => _harness.Token(key: _harness.Identity.Keys.Unknown),
            "serviceUrl mismatch" => _harness.Token(serviceUrl: "https://attacker.example/"),
            "not a jwt" => "not-a-jwt",
            _ => null,
        };

        var response = await _harness.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await _harness.Service<ITeamsConversationStore>().FindAsync(conversationId, CancellationToken.None));
        await AssertNothingReachedConnectorForAsync(conversationId);
    }

    [Fact]
    public async Task Messages_KeyNotEndorsedForTeams_IsRejected()
    {
        _harness.Identity.Keys.Endorsements = ["webchat"];
        var activity = _harness.Activity(TeamsFixtures.PersonalMessage, "help");

        var response = await _harness.PostAsync(activity, _harness.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Messages_KeyRolledOverAfterMetadataWasCached_IsAcceptedAfterRefresh()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _harness.PostAsync(_harness.Activity(TeamsFixtures.PersonalMessage, "help"), _harness.Token())).StatusCode);
        _harness.Identity.Keys.PublishSecondKey();

        var response = await _harness.PostAsync(_harness.Activity(TeamsFixtures.PersonalMessage, "help"), _harness.Token(key: _harness.Identity.Keys.Second));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    // A rejected request is never queued; a valid one sent after it is answered, and by then nothing for the rejected conversation has been sent.
    private async Task AssertNothingReachedConnectorForAsync(string conversationId)
    {
        var probe = _harness.Activity(TeamsFixtures.PersonalMessage, "help");
        probe["conversation"]!["id"] = "a:probe";
        Assert.Equal(HttpStatusCode.Accepted, (await _harness.PostAsync(probe, _harness.Token())).StatusCode);
        await _harness.Connector.NextAsync(call => call.Path.Contains("a:probe", StringComparison.Ordinal));
        Assert.DoesNotContain(_harness.Connector.AllCalls, call => call.Path.Contains(conversationId, StringComparison.Ordinal));
    }
}
