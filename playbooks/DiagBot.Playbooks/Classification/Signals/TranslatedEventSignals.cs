using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": ECS's routine service events as the developer guide's localised pages print them. The English wordings live in
/// <see cref="NormalLifecycleSignals"/>; a translated event that says all is well must read as its English does, and the
/// failure words of the other translated events (placement, start failures) live beside their failure modes.
/// </summary>
internal static class TranslatedEventSignals
{
    // Sweep (i18n): "service (service-name) has reached a steady state." as the Japanese page prints it
    // (https://docs.aws.amazon.com/ja_jp/AmazonECS/latest/developerguide/service-event-messages-list.html, "が定常状態に達しました")
    // and the Chinese one (https://docs.amazonaws.cn/AmazonECS/latest/developerguide/service-event-messages-list.html,
    // "已达到稳定状态"). The Chinese "无法达到稳定状态" (unable to reach it) has no "已", so it stays playbook 12's.
    private static readonly Phrase[] SteadyState =
    [
        Phrase.Of("steady state, in Japanese", @"定常状態に達しました"),
        Phrase.Of("steady state, in Chinese", @"已达到稳定状态"),
    ];

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        // ECS's own event, translated: the English routine events' weight
        SignalRule.AnyOf(null, 0.88, "a routine service event (steady state), in the guide's Japanese or Chinese wording", SteadyState),
    ];
}
