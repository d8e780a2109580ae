using System.Net;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Teams.Fakes;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// A valid Bot Framework token proves the Bot Framework sent the activity, not that it came from our tenant, from Teams,
/// or from someone allowed: each of those is checked after the token, with a 403 and nothing answered.
/// </summary>
public sealed class TeamsExposureTests(ITestOutputHelper output)
{
    private const string OtherTenant = "99999999-8888-7777-6666-555555555555";
    private const string OurTeam = "19:ourteam@thread.tacv2";

    /// <summary>How many validly signed but unwelcome activities the test sends (docs/security.md quotes it).</summary>
    public const int RefusedActivityCases = 6;

    [Fact]
    public async Task ValidTokens_FromAnotherTenantChannelTeamConversationOrUser_Are403AndUnanswered()
    {
        await using var harness = await TeamsBotHarness.StartAsync(
            "--DiagBot:Teams:AllowedTeams:0=" + OurTeam, "--DiagBot:Teams:AllowedConversations:0=a:our-personal-chat", "--DiagBot:Teams:AllowedUsers:0=00000000-0000-0000-0000-0000000000aa");
        using var logs = LiveBot.Capture(harness.Bot);
        var cases = new (string Name, Action<JsonObject> Change)[]
        {
            ("another tenant", a => { a["channelData"]!["tenant"]!["id"] = OtherTenant; a["conversation"]!["tenantId"] = OtherTenant; }),
            ("no tenant", a => a["channelData"]!.AsObject().Remove("tenant")),
            ("the webchat channel", a => a["channelId"] = "webchat"),
            ("a team not allowed", a => { a["channelData"]!["team"] = new JsonObject { ["id"] = "19:otherteam@thread.tacv2" }; a["conversation"]!["id"] = "19:otherchannel@thread.tacv2"; }),
            ("a personal chat not allowed", a => a["conversation"]!["id"] = "a:someone-elses-chat"),
            ("a user not allowed", a => a["from"] = new JsonObject { ["id"] = "29:stranger", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000bb" }),
        };
        Assert.Equal(RefusedActivityCases, cases.Length);

        var admitted = new List<string>();
        foreach (var (name, change) in cases)
        {
            var activity = Allowed(harness);
            change(activity);
            using var response = await harness.PostAsync(activity, harness.Token());
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                admitted.Add($"{name}: {(int)response.StatusCode}");
            }
        }

        using var allowed = await harness.PostAsync(Allowed(harness), harness.Token());
        output.WriteLine($"unwelcome Teams activities tried: {cases.Length}, admitted: {admitted.Count}");
        Assert.Empty(admitted);
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        Assert.Contains(logs.Entries, entry => entry.Message.Contains(OtherTenant, StringComparison.Ordinal));
        await harness.Connector.NextAsync(call => call.Path.Contains("our-personal-chat", StringComparison.Ordinal));
        Assert.All(harness.Connector.AllCalls, call => Assert.Contains("our-personal-chat", call.Path, StringComparison.Ordinal));
    }

    // A personal chat with the allowed user, in the allowed conversation, of our tenant.
    private static JsonObject Allowed(TeamsBotHarness harness)
    {
        var activity = harness.Activity(TeamsFixtures.PersonalMessage, "help");
        activity["conversation"]!["id"] = "a:our-personal-chat";
        activity["from"] = new JsonObject { ["id"] = "29:oncall", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" };
        return activity;
    }
}
