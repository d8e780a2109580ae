using DiagBot.Bot.Chat;
using DiagBot.Bot.Slack;
using DiagBot.Bot.Tests.Slack.Support;
using DiagBot.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiagBot.Bot.Tests.Slack;

/// <summary>Every way of asking in Slack leaves an audit line naming the user, their workspace and the channel.</summary>
public sealed class SlackAuditTests
{
    [Fact]
    public async Task SlashCommand_Diagnose_AuditsTheUserTeamAndChannel()
    {
        await using var sut = await SlackBot.StartAsync();
        using var audit = Capture(sut);
        var subject = sut.SubjectOf("p07-task-oom");

        await sut.Client.SendAsync(SignedRequests.Form("/slack/commands", SignedRequests.SlashCommandForm(subject, sut.Slack.ResponseUrl("audit"), channel: "C0AUDIT001", user: "U0ASKER001")));
        await sut.Slack.WaitForAsync("response/audit");

        var fields = SingleAuditLine(audit);
        Assert.Equal("U0ASKER001", fields["Who"]);
        Assert.Equal("slack", fields["Channel"]);
        Assert.Equal("T0TEAM0001/C0AUDIT001", fields["Where"]);
        Assert.Equal(subject, fields["Subject"]);
    }

    [Fact]
    public async Task AppMention_Diagnose_AuditsTheMentioningUser()
    {
        await using var sut = await SlackBot.StartAsync();
        using var audit = Capture(sut);
        var subject = sut.SubjectOf("p07-task-oom");

        await sut.Client.SendAsync(SignedRequests.Json("/slack/events", SlackPayloads.AppMention("Ev0AUDIT01", "<@U0DIAGBOT1> diagnose " + subject, "1700000200.000100")));
        await sut.Slack.WaitForAsync("api/chat.update");

        var fields = SingleAuditLine(audit);
        Assert.Equal(SlackPayloads.User, fields["Who"]);
        Assert.Equal("T0TEAM0001/" + SlackPayloads.Channel, fields["Where"]);
    }

    [Fact]
    public async Task Button_RawEvidence_AuditsTheClickingUser()
    {
        await using var sut = await SlackBot.StartAsync();
        using var audit = Capture(sut);
        var subject = sut.SubjectOf("p07-task-oom");
        var payload = SlackPayloads.BlockAction(SlackActions.RawEvidence, subject, sut.Slack.ResponseUrl("raw-audit"));

        await sut.Client.SendAsync(SignedRequests.Form("/slack/interactions", SlackPayloads.InteractionForm(payload)));
        await sut.Slack.WaitForAsync("response/raw-audit");

        var fields = SingleAuditLine(audit);
        Assert.Equal(SlackPayloads.User, fields["Who"]);
        Assert.Equal("T0TEAM0001/" + SlackPayloads.Channel, fields["Where"]);
    }

    // The host's logger factory takes a provider after start; loggers it already made write to it too.
    private static CapturingLoggerProvider Capture(SlackBot sut)
    {
        var provider = new CapturingLoggerProvider();
        sut.Bot.Services.GetRequiredService<ILoggerFactory>().AddProvider(provider);
        return provider;
    }

    private static IReadOnlyDictionary<string, object?> SingleAuditLine(CapturingLoggerProvider audit) =>
        Assert.Single(audit.Entries, entry => entry.Category == DiagnosisService.AuditCategory).Fields;
}
