namespace DiagBot.Bot.WebChat;

/// <summary>A clickable example in the web chat: a seeded sandbox scenario and the command that diagnoses it.</summary>
public sealed record WebChatExample(string Name, string Title, string Command, string Summary);
