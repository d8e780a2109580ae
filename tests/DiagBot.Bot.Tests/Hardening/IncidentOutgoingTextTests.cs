using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Events;
using DiagBot.Bot.Tests.Events;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>
/// Hostile text in an event (EventBridge's stoppedReason and container reason, an SNS-wrapped event, a Kubernetes
/// Warning's message) and in the diagnosis (the crash loop's quoted last log line) reaches the Slack post, its thread
/// replies and updates, the Teams card and the feed only redacted and escaped.
/// </summary>
public sealed class IncidentOutgoingTextTests
{
    public static TheoryData<int> Hostile => [.. Enumerable.Range(0, HostileOutgoing.Texts.Count)];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task EventBridge_HostileStoppedReasonAndContainerReason_ReachesNoSurfaceAsWritten(int index)
    {
        var sut = new HostileIncidentPipeline(HostileOutgoing.Texts[index]);

        await sut.Coordinator.HandleAsync(EcsEvent.TryParse(HostileEcsEvent("e1", HostileOutgoing.Texts[index]))!, CancellationToken.None);
        await sut.NextReplyIntervalAsync();
        await sut.Coordinator.HandleAsync(EcsEvent.TryParse(HostileEcsEvent("e2", HostileOutgoing.Texts[index]))!, CancellationToken.None);
        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Sns_HostileEventInTheEnvelope_ReachesNoSurfaceAsWritten(int index)
    {
        var sut = new HostileIncidentPipeline(HostileOutgoing.Texts[index]);

        foreach (var id in new[] { "s1", "s2" })
        {
            var envelope = JsonSerializer.Serialize(new { Type = "Notification", MessageId = id, Message = HostileEcsEvent(id, HostileOutgoing.Texts[index]) });
            var message = SnsMessage.TryParse(envelope)!;
            await sut.Coordinator.HandleAsync(EcsEvent.TryParse(message.Field("Message")!)!, CancellationToken.None);
            await sut.NextReplyIntervalAsync();
        }

        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task KubernetesWatch_HostileWarningMessage_ReachesNoSurfaceAsWritten(int index)
    {
        var sut = new HostileIncidentPipeline(HostileOutgoing.Texts[index]);

        for (var count = 1; count <= 2; count++)
        {
            var warning = new KubeWarningEvent
            {
                Uid = "uid-1", ResourceVersion = count.ToString(System.Globalization.CultureInfo.InvariantCulture), Namespace = "orders", Name = "web.1",
                Reason = "Unhealthy", Message = "Liveness probe failed: " + HostileOutgoing.Texts[index], Count = count, InvolvedKind = "Pod", InvolvedName = "web-7d9f8b6c5d-x2x9z",
            };
            var (id, occurrence) = KubernetesEventMapper.Map("prod-eks", warning)!.Value;
            await sut.Coordinator.HandleAsync(id, occurrence, CancellationToken.None);
            await sut.NextReplyIntervalAsync();
        }

        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
    }

    [Fact]
    public async Task Recovery_AfterHostileIncident_RepliesAndUpdatesSafely()
    {
        var sut = new HostileIncidentPipeline(HostileOutgoing.All);
        await sut.Coordinator.HandleAsync(EcsEvent.TryParse(HostileEcsEvent("e1", HostileOutgoing.All))!, CancellationToken.None);
        await sut.DrainAsync();

        var steady = JsonNode.Parse(EventFixtures.Json(EventFixtures.SteadyState))!.AsObject();
        steady["resources"] = new JsonArray("arn:aws:ecs:us-west-2:111122223333:service/FargateCluster/web");
        steady["detail"]!["clusterArn"] = "arn:aws:ecs:us-west-2:111122223333:cluster/FargateCluster";
        await sut.Coordinator.HandleAsync(EcsEvent.From(steady)!, CancellationToken.None);
        await sut.DrainAsync();

        sut.AssertEverySurfaceSafe(expectedReplies: 1);
        Assert.Contains(sut.Slack.Texts, text => text.StartsWith(":white_check_mark:", StringComparison.Ordinal));
        Assert.Contains(sut.Teams.Cards, card => card.Contains("\u2705", StringComparison.Ordinal));
    }

    private static string HostileEcsEvent(string id, string hostile)
    {
        var root = JsonNode.Parse(EventFixtures.Json(EventFixtures.TaskFailed))!.AsObject();
        root["id"] = id;
        var detail = root["detail"]!.AsObject();
        detail["stoppedReason"] = "Essential container in task exited: " + hostile;
        detail["containers"]![1]!["reason"] = hostile;
        return root.ToJsonString();
    }
}
