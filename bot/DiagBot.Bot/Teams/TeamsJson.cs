using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DiagBot.Bot.Teams;

/// <summary>The activity protocol's JSON: camelCase, nulls left out.</summary>
internal static class TeamsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Golden files and logs stay readable; the content is JSON data, never embedded in HTML.</summary>
    public static readonly JsonSerializerOptions Indented = new(Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
