namespace DiagBot.Bot.Store;

/// <summary>The shared store (Redis) did not answer in time or refused: callers turn it into a 503 or a named evidence gap.</summary>
internal sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
