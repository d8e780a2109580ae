using System.Text.Json.Nodes;

namespace DiagBot.Sandbox.Kubernetes;

// Label selectors (a=b, a!=b, a in (x,y), a notin (x), a, !a) and field selectors (involvedObject.name=x, status.phase!=Running).
internal static class KubeSelectors
{
    public static Func<JsonObject, bool> Labels(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return _ => true;
        }

        var requirements = SplitTopLevel(selector).Select(LabelRequirement).ToList();
        return item =>
        {
            var labels = item["metadata"]?["labels"]?.AsObject();
            return requirements.All(r => r(name => labels?[name]?.GetValue<string>()));
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

    private static Func<Func<string, string?>, bool> LabelRequirement(string term)
    {
        term = term.Trim();
        var setMatch = System.Text.RegularExpressions.Regex.Match(term, @"^(\S+)\s+(in|notin)\s+\((.*)\)$");
        if (setMatch.Success)
        {
            var key = setMatch.Groups[1].Value;
            var values = setMatch.Groups[3].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var inSet = setMatch.Groups[2].Value == "in";
            return labels => labels(key) is { } v ? values.Contains(v) == inSet : !inSet;
        }

        if (term.StartsWith('!'))
        {
            return labels => labels(term[1..]) is null;
        }

        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var parts = term.Split("!=", 2);
            return labels => labels(parts[0].Trim()) != parts[1].Trim();
        }

        if (term.Contains('='))
        {
            var parts = term.Replace("==", "=").Split('=', 2);
            return labels => labels(parts[0].Trim()) == parts[1].Trim();
        }

        return labels => labels(term) is not null;
    }

    // Commas inside "in (a,b)" do not separate requirements.
    private static IEnumerable<string> SplitTopLevel(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            depth += selector[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (selector[i] == ',' && depth == 0)
            {
                yield return selector[start..i];
                start = i + 1;
            }
        }

        yield return selector[start..];
    }
}
