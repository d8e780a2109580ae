using DiagBot.Playbooks;
using DiagBot.Sandbox;

namespace DiagBot.Bot.WebChat;

/// <summary>The sandbox catalogue as examples; live mode has no catalogue and shows none.</summary>
internal sealed class WebChatExamples(IServiceProvider services, IReadOnlyList<IPlaybook> playbooks)
{
    public IReadOnlyList<WebChatExample> All() =>
        services.GetService<SandboxServer>() is not { } sandbox
            ? []
            : sandbox.Scenarios.Select(scenario => new WebChatExample(scenario.Name, TitleOf(scenario), $"/diagnose {scenario.Subject}", scenario.Summary)).ToList();

    private string TitleOf(SandboxScenario scenario) => scenario.Playbook is int id && playbooks.FirstOrDefault(p => p.Id == id) is { } playbook
        ? playbook.Title
        : scenario.Name.StartsWith("healthy-", StringComparison.Ordinal)
            ? $"Healthy: {scenario.Name["healthy-".Length..]}"
            : $"Look-alike: {scenario.Name.Replace("lookalike-", string.Empty, StringComparison.Ordinal)}";
}
