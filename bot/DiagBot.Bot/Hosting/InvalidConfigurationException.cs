namespace DiagBot.Bot.Hosting;

/// <summary>A setting is missing or wrong; the message names it and where to set it.</summary>
public sealed class InvalidConfigurationException(string message) : Exception(message);
