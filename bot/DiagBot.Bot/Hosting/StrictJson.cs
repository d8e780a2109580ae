using System.Text.Json;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// How inbound JSON bodies are read: a repeated property name is an error (JsonException, so a 400), never a second
/// value that one reader keeps and another ignores, and never an unhandled ArgumentException from a dictionary.
/// </summary>
internal static class StrictJson
{
    public const int MaxDepth = 64;

    public static readonly JsonDocumentOptions Document = new() { AllowDuplicateProperties = false, MaxDepth = MaxDepth };
}
