using System.Text.Json.Nodes;
using DiagBot.Bot.Chat;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// Slack Connect users of another organisation, a command from another workspace, and a response_url that is not
/// Slack's: each validly signed, each refused with a clear line, none diagnosed.
/// </summary>
public sealed class SlackExposureTests(ITestOutputHelper output)
{
    private const string OtherOrg = "T0OTHERORG";

    /// <summary>How many validly signed but unwelcome Slack requests the test sends (docs/security.md quotes it).</summary>
    public const int RefusedRequestCases = 4;

    [Fact]
    public async Task SignedRequests_FromOtherOrganisationsOrPointingElsewhere_AreRefusedAndNotDiagnosed()
    {
        await using var sut = await SlackBot.StartAsync("--DiagBot:Slack:TeamId=T0TEAM0001");
        using var logs = LiveBot.Capture(sut.Bot);
        var subject = sut.SubjectOf("p07-task-oom");

        // 1. A Slack Connect user mentions the bot in a channel shared with their organisation.
        await sut.Client.SendAsync(SignedRequests.Json("/slack/events", ExternalMention(subject)));
        var mentionReply = await sut.Slack.WaitForAsync("api/chat.postMessage");

        // 2. The same user clicks "Re-run" on an answer in that channel.
        var click = JsonNode.Parse(SlackPayloads.BlockAction(SlackActions.Rerun, subject, sut.Slack.ResponseUrl("external-click")))!;
        click["user"]!["team_id"] = OtherOrg;
        await sut.Client.SendAsync(SignedRequests.Form("/slack/interactions", SlackPayloads.InteractionForm(click.ToJsonString())));
        var clickReply = await sut.Slack.WaitForAsync("response/external-click");

        // 3. A slash command from another workspace; 4. one whose response_url is not Slack's.
        using var otherWorkspace = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands",
            SignedRequests.SlashCommandForm(subject, sut.Slack.ResponseUrl("other-workspace")).Replace("team_id=T0TEAM0001", "team_id=" + OtherOrg, StringComparison.Ordinal)));
        using var elsewhere = await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm(subject, new Uri("https://attacker.example/collect"))));
        var refusals = new[]
        {
            mentionReply.Body,
            clickReply.Body,
            await otherWorkspace.Content.ReadAsStringAsync(),
            await elsewhere.Content.ReadAsStringAsync(),
        };
        Assert.Equal(RefusedRequestCases, refusals.Length);

        output.WriteLine($"unwelcome signed Slack requests tried: {refusals.Length}, diagnosed: {logs.Entries.Count(e => e.Category == DiagnosisService.AuditCategory)}");
        Assert.Contains(SlackWorkspaceCheck.Refusal, refusals[0], StringComparison.Ordinal);
        Assert.Contains(SlackWorkspaceCheck.Refusal, refusals[1], StringComparison.Ordinal);
        Assert.Contains(SlackWorkspaceCheck.Refusal, refusals[2], StringComparison.Ordinal);
        Assert.Contains("hooks.slack.com", refusals[3], StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Category == DiagnosisService.AuditCategory);
        Assert.Contains(logs.Entries, e => e.Message.Contains(OtherOrg, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllowExternalUsers_AnswersASlackConnectUser()
    {
        await using var sut = await SlackBot.StartAsync("--DiagBot:Slack:AllowExternalUsers=true");
        var subject = sut.SubjectOf("p07-task-oom");

        await sut.Client.SendAsync(SignedRequests.Json("/slack/events", ExternalMention(subject)));
        var update = await sut.Slack.WaitForAsync("api/chat.update");

        Assert.DoesNotContain(SlackWorkspaceCheck.Refusal, update.Body, StringComparison.Ordinal);
    }

    private static string ExternalMention(string subject)
    {
        var mention = JsonNode.Parse(SlackPayloads.AppMention("Ev" + Guid.NewGuid().ToString("N")[..10], "<@U0DIAGBOT1> diagnose " + subject, "1700000300.000100"))!;
        mention["is_ext_shared_channel"] = true;
        mention["event"]!["user_team"] = OtherOrg;
        mention["event"]!["team"] = OtherOrg;
        return mention.ToJsonString();
    }
}
