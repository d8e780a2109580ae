namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// A metav1.LabelSelector held to be matched here rather than sent to the API server: matchLabels AND matchExpressions.
/// An empty selector matches every object (the CRD schema's own words: "An empty label selector matches all objects");
/// an absent one is null where it is read, and matches nothing.
/// </summary>
public sealed record KubeLabelSelector(IReadOnlyDictionary<string, string> MatchLabels, IReadOnlyList<KubeLabelRequirement> MatchExpressions)
{
    /// <summary>
    /// Whether these labels satisfy every requirement, as apimachinery's labels.Selector does: In needs the key with one of the
    /// values, NotIn and DoesNotExist are met by an absent key, Exists needs the key. An unknown operator matches nothing.
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value)
        && MatchExpressions.All(e => Meets(e, labels));

    /// <summary>The selector as `kubectl get -l` would take it, e.g. "app=ledger-api,tier in (api)"; "(empty: every pod)" when empty.</summary>
    public override string ToString()
    {
        var terms = MatchLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")
            .Concat(MatchExpressions.Select(e => e.Operator switch
            {
                "Exists" => e.Key,
                "DoesNotExist" => $"!{e.Key}",
                _ => $"{e.Key} {e.Operator.ToLowerInvariant()} ({string.Join(",", e.Values)})",
            }))
            .ToList();
        return terms.Count == 0 ? "(empty: every pod)" : string.Join(",", terms);
    }

    private static bool Meets(KubeLabelRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(requirement.Key, out var value);
        return requirement.Operator switch
        {
            "In" => has && requirement.Values.Contains(value!, StringComparer.Ordinal),
            "NotIn" => !has || !requirement.Values.Contains(value!, StringComparer.Ordinal),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => false,
        };
    }
}
