using System.Text.Json.Nodes;

namespace DiagBot.Bot.Tests.Hardening;

/// <summary>Every string in a JSON document, wherever it sits: what a reader of the post, card or feed could see.</summary>
internal static class JsonStrings
{
    public static IEnumerable<string> All(JsonNode? node) => node switch
    {
        JsonObject json => json.SelectMany(property => All(property.Value)),
        JsonArray array => array.SelectMany(All),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
