using DiagBot.Playbooks;

namespace DiagBot.Bot.Tests.Support;

/// <summary>A failure mode by its kebab name (a contract), from the catalogue: the bot's tests cannot see the modes' internal identities.</summary>
internal static class Modes
{
    public static FailureMode Named(string name) => PlaybookCatalog.Modes.Single(mode => mode.Name == name);
}
