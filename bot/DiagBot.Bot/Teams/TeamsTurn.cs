using DiagBot.Bot.Chat;

namespace DiagBot.Bot.Teams;

/// <summary>One acknowledged activity waiting for its answer: a command, a card button, or the bot being added.</summary>
internal sealed record TeamsTurn(TeamsActivity Activity, TeamsTurnKind Kind, ChatCommand? Command = null, CardAction? Action = null);

internal enum TeamsTurnKind
{
    Command,
    CardAction,
    Welcome,
}
