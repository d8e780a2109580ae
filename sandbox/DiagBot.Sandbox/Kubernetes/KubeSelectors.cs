using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

/// <summary>Label selectors (a=b, a!=b, a in (x,y), a notin (x), a, !a; parsed by KubeLabelParser) and field selectors (involvedObject.name=x, status.phase!=Running).</summary>
internal static class KubeSelectors
{
    public static Func<JsonObject, bool> Labels(string? selector)
    {
        var requirements = KubeLabelParser.Parse(selector ?? string.Empty);
        return item =>
        {
            var labels = item["metadata"]?["labels"]?.AsObject();
            return requirements.All(r => r.Matches(name => labels?[name]?.GetValue<string>()));
        };
    }

    public static Func<JsonObject, bool> Fields(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return _ => true;
        }

        var requirements = selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(term =>
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            if (parts.Length != 2)
            {
                throw new KubeException(400, "BadRequest", $"invalid selector: '{selector}'; can't understand '{term}'");
            }

            var path = parts[0].Trim();
            var value = parts[1].Trim().Replace("\\,", ",").Replace("\\=", "=").Replace("\\\\", "\\");
            return (Func<JsonObject, bool>)(item => (Path(item, path) == value) != negate);
        }).ToList();
        return item => requirements.All(r => r(item));
    }

    private static string? Path(JsonObject item, string path)
    {
        JsonNode? node = item;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node is JsonValue value ? value.ToString() : null;
    }
}
