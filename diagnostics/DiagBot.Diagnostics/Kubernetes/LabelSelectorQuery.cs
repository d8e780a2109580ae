namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// A LabelSelector (matchLabels AND matchExpressions) written as the list call's labelSelector parameter in the
/// set-based syntax (<c>k=v</c>, <c>k in (a,b)</c>, <c>k notin (a,b)</c>, <c>k</c>, <c>!k</c>, comma-joined), or the
/// reason it cannot be: then <see cref="Text"/> is null and <see cref="Problem"/> says why.
/// </summary>
public sealed record LabelSelectorQuery(string? Text, string? Problem)
{
    public const string In = "In";
    public const string NotIn = "NotIn";
    public const string Exists = "Exists";
    public const string DoesNotExist = "DoesNotExist";

    public static LabelSelectorQuery From(IReadOnlyDictionary<string, string> matchLabels, IReadOnlyList<KubeLabelRequirement> matchExpressions)
    {
        // An empty selector sent as an empty labelSelector would list every pod in the namespace.
        if (matchLabels.Count == 0 && matchExpressions.Count == 0)
        {
            return new(null, "has an empty selector (no matchLabels, no matchExpressions), which would select every pod in the namespace");
        }

        var terms = new List<(string Key, string Term)>();
        terms.AddRange(matchLabels.Select(label => (label.Key, $"{label.Key}={label.Value}")));
        foreach (var expression in matchExpressions)
        {
            if (Term(expression) is not { } term)
            {
                return new(null, Unusable(expression));
            }

            terms.Add((expression.Key, term));
        }

        // Sorted by key, as the API machinery prints a selector, so the same selector is always the same text.
        return new(string.Join(",", terms.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Term)), null);
    }

    private static string? Term(KubeLabelRequirement expression) => (expression.Operator, expression.Values.Count) switch
    {
        (In, > 0) => $"{expression.Key} in ({SortedValues(expression)})",
        (NotIn, > 0) => $"{expression.Key} notin ({SortedValues(expression)})",
        (Exists, 0) => expression.Key,
        (DoesNotExist, 0) => $"!{expression.Key}",
        _ => null,
    };

    private static string SortedValues(KubeLabelRequirement expression) => string.Join(",", expression.Values.Distinct().Order(StringComparer.Ordinal));

    private static string Unusable(KubeLabelRequirement expression) => expression.Operator switch
    {
        In or NotIn => $"has a matchExpressions entry '{expression.Key} {expression.Operator}' without values, which the API server does not accept",
        Exists or DoesNotExist => $"has a matchExpressions entry '{expression.Key} {expression.Operator}' with values, which the API server does not accept",
        _ => $"selects its pods with the matchExpressions operator '{expression.Operator}' (on key '{expression.Key}'), which DiagBot does not evaluate; it knows In, NotIn, Exists and DoesNotExist",
    };
}
