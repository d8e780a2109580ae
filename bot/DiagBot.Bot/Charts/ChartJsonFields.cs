using System.Text.Json.Nodes;

namespace DiagBot.Bot.Charts;

/// <summary>Adds a field to one chart of an answer built by JsonRenderer (verdicts[v].charts[c]), where it exists.</summary>
internal static class ChartJsonFields
{
    public static void Set(JsonObject answer, int verdict, int chart, string name, string value)
    {
        if (answer["verdicts"] is JsonArray verdicts && verdict < verdicts.Count
            && verdicts[verdict]?["charts"] is JsonArray charts && chart < charts.Count && charts[chart] is JsonObject target)
        {
            target[name] = value;
        }
    }
}
