using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

/// <summary>
/// Sweep (i18n): ECS service events as the developer guide's Japanese page
/// (docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html) and Chinese page
/// (docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html) print them read as their English
/// events do: the same playbook, or none with the same cause outside the fifteen, and the why quotes the translated words.
/// </summary>
public sealed class TranslatedServiceEventTests
{
    [Theory]
    // Placement (12): "was unable to place a task because no container instance met all of its requirements"
    [InlineData("サービス (service-name) で、すべての要件を満たしたコンテナインスタンスがないため、タスクを配置できませんでした。", 12, "タスクを配置できません", null)]
    [InlineData("服务(service-name)无法下达任务,因为没有满足所有条件的容器实例。", 12, "无法下达任务", null)]
    // Task protection blocks the scale-in (12): "was unable to reach steady state because task set ... was unable to scale in"
    [InlineData("服务(service-name)无法达到稳定状态,因为任务集(taskSet-ID)无法横向缩减。原因:受保护任务的数量超过了所需的任务数量。", 12, "无法达到稳定状态",
        null)]
    // Start failures (8): "is unable to consistently start tasks successfully", "deployment failed: tasks failed to start"
    [InlineData("サービス (service-name) は、一貫してタスクを正常に開始できません。", 8, "一貫してタスクを正常に開始できません", null)]
    [InlineData("服务(service-name)无法成功一致地启动任务。", 8, "成功一致地启动任务", null)]
    [InlineData("服务(service-name)部署失败:任务无法启动。", 8, "部署失败:任务无法启动", null)]
    // A steady state is no failure
    [InlineData("サービス (service-name) が定常状態に達しました。", null, "定常状態に達しました", null)]
    [InlineData("服务(service-name)已达到稳定状态。", null, "已达到稳定状态", null)]
    // Quotas, throttling, capacity and a disconnected agent are causes outside the fifteen, as in English
    [InlineData("サービス [service-name(サービス-名)] がタスクを配置できませんでした。理由: 同時に実行できるタスク数の上限に達しました", null,
        "同時に実行できるタスク数の上限", "service-quota")]
    [InlineData("服务 (service-name) 无法放置任务。原因:请求的内存配置超出您的限制。", null, "请求的内存配置超出您的限制", "service-quota")]
    [InlineData("サービス (service-name) オペレーションは抑制されています。後で再試行します。", null, "オペレーションは抑制されています", "api-rate-limit")]
    [InlineData("服务 (service-name) 操作正在受限制。稍后将重试。", null, "操作正在受限制", "api-rate-limit")]
    [InlineData("服务 (service-name) 无法放置任务。原因:目前容量不可用。请稍后重试或在其他可用区中重试。", null, "目前容量不可用", "capacity-unavailable")]
    [InlineData("サービス (service-name) で、すべての要件を満たしたコンテナインスタンスがないため、タスクを配置できませんでした。"
        + "container-instance-id に最も近い container-instance-id で、エラー「AGENT」が発生しました。", null, "エラー「agent", "agent-disconnected")]
    [InlineData("服务(service-name)无法下达任务,因为没有满足所有条件的容器实例。最匹配的容器实例 container-instance-id 遇到错误“AGENT”(代理)。", null,
        "错误\"agent", "agent-disconnected")]
    public void Classify_ATranslatedServiceEvent_ReadsAsItsEnglishEvent(string text, int? playbook, string translatedWords, string? cause)
    {
        var result = new SymptomClassifier().Classify(text, EvidenceField.ServiceEvent, null);

        Assert.Equal(playbook, result.Playbook);
        Assert.Contains(translatedWords, result.Why, StringComparison.Ordinal);
        if (cause is not null)
        {
            Assert.Contains(cause, result.Why, StringComparison.Ordinal);
        }
    }
}
