using System.Text.Json.Nodes;
using DiagBot.Bot.Incidents;
using DiagBot.Bot.Teams;

namespace DiagBot.Bot.Tests.Incidents;

public sealed class TeamsIncidentChannelTests
{
    [Fact]
    public async Task PostThenReply_UpdatesThePostedCardWithTheThreadLine()
    {
        var poster = new FakePoster();
        var sut = new TeamsIncidentChannel(poster, "19:incidents@thread.tacv2", 7);
        var view = new IncidentView(new IncidentRecord
        {
            Key = "k", Title = "Crash loop", Playbook = "crash-loop", Service = "web", Cluster = "prod",
            FirstSeen = DateTimeOffset.UnixEpoch, LastSeen = DateTimeOffset.UnixEpoch, RootCause = "exit 1", LatestEvidence = "EssentialContainerExited",
        }, 3);

        var id = await sut.PostAsync(view, CancellationToken.None);
        await sut.ReplyAsync(id, view, IncidentReply.Failures(3, "exit 1"), CancellationToken.None);

        Assert.Equal("19:incidents@thread.tacv2", poster.PostedTo);
        Assert.Equal(new TeamsPostedMessage("https://smba.example/", "19:incidents@thread.tacv2", "a1"), poster.Updated);
        Assert.Contains("3 failures so far", poster.LastCard!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("3 failing events", poster.LastCard.ToJsonString(), StringComparison.Ordinal);
    }

    private sealed class FakePoster : ITeamsConversationPoster
    {
        public string? PostedTo { get; private set; }

        public TeamsPostedMessage? Updated { get; private set; }

        public JsonObject? LastCard { get; private set; }

        public Task<TeamsPostedMessage> PostAsync(string? conversationId, JsonObject card, string summary, CancellationToken cancellationToken)
        {
            PostedTo = conversationId;
            LastCard = card;
            return Task.FromResult(new TeamsPostedMessage("https://smba.example/", conversationId!, "a1"));
        }

        public Task UpdateAsync(TeamsPostedMessage posted, JsonObject card, string summary, CancellationToken cancellationToken)
        {
            Updated = posted;
            LastCard = card;
            return Task.CompletedTask;
        }
    }
}
