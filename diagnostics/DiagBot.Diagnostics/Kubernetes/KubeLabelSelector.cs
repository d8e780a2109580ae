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

    /// <summary>
    /// The selector as `kubectl get -l` would take it and the API machinery prints it (<see cref="LabelSelectorQuery"/>), e.g.
    /// "app=ledger-api,tier in (api)"; "(empty: every pod)" when empty.
    /// </summary>
    public override string ToString() =>
        MatchLabels.Count == 0 && MatchExpressions.Count == 0 ? "(empty: every pod)"
        : LabelSelectorQuery.From(MatchLabels, MatchExpressions).Text ?? "(a selector whose matchExpressions DiagBot cannot write out)";

    private static bool Meets(KubeLabelRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(requirement.Key, out var value);
        return requirement.Operator switch
        {
            LabelSelectorQuery.In => has && requirement.Values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorQuery.NotIn => !has || !requirement.Values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorQuery.Exists => has,
            LabelSelectorQuery.DoesNotExist => !has,
            _ => false,
        };
    }
}
