namespace DiagBot.Playbooks.Outside;

/// <summary>
/// The ECS container agent on an EC2 instance lost its connection to ECS, so nothing is placed there. Wordings: the
/// placement failure reason AGENT (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html),
/// agentConnected in DescribeContainerInstances, the placement event "doesn't have the agent connected"
/// (aws-actions/amazon-ecs-deploy-task-definition#260), the agent's ACS connection errors (aws/amazon-ecs-agent#1872), aws/amazon-ecs-agent#219, #316, #618, #985, #1960, #4270, segmentio/stack#122.
/// </summary>
internal static class AgentDisconnected
{
    public static OutsideCause Cause { get; } = new(
        "agent-disconnected",
        "The ECS container agent on an EC2 container instance is disconnected from ECS, so ECS places no task on that instance. The task definition and the service are not at fault.",
        [
            "On the instance, read /var/log/ecs/ecs-agent.log and restart the agent (sudo systemctl restart ecs).",
            "If it stays disconnected, drain and replace the instance; check it can still reach the ECS endpoints (NAT or the ecs, ecs-agent and ecs-telemetry endpoints).",
        ],
        context => context.Cluster is null ? "aws ecs list-clusters" : $"aws ecs list-container-instances --cluster {context.Cluster} --filter \"agentConnected==false\"",
        [
            Phrase.Of("agent not connected", @"agent ?connected\W{0,4}(=|:|is)?\W{0,3}false|agent disconnect\w*|ecs-?agents? (is |are |keep )?(disconnect\w*|not connected)|disconnect\w* (ecs-?)?agents?"
                + @"|(doesn'?t|does not) have the agent connected"),
            Phrase.Of("agent cannot reach ECS", @"error connecting to acs|unable to dial ecs-a-|error creating a websocket client"),
            Phrase.Of("placement refused: AGENT", @"encountered error ""?agent""?|taskfailedtostart: agent|\bagent reason\b|with agent reason|generates agent errors"),
            // Sweep (i18n), 'encountered error "AGENT"' as the guide's Japanese and Chinese service event pages print it
            // (docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html, "エラー「AGENT」が発生しました";
            // docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html, "遇到错误“AGENT”")
            Phrase.Of("placement refused: AGENT, in Japanese or Chinese", @"(エラー|错误)\W{0,2}agent\b"),
        ],
        0.92,
        "ECS's own placement reason")
    {
        ExplainsAway = new HashSet<int> { FailureModes.DeployStuck.Number },
    };
}
