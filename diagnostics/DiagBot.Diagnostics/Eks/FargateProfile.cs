namespace DiagBot.Diagnostics.Eks;

/// <summary>An EKS Fargate profile: pods matching one of its selectors run on Fargate.</summary>
public sealed record FargateProfile(
    string Name,
    string? Status,
    string? PodExecutionRoleArn,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<FargateSelector> Selectors)
{
    /// <summary>Whether a pod in <paramref name="namespace"/> with these labels is scheduled by this profile.</summary>
    public bool Selects(string @namespace, IReadOnlyDictionary<string, string> labels) => Selectors.Any(s => s.Selects(@namespace, labels));
}

/// <summary>
/// A selector matches a pod in its namespace carrying every one of its labels. The EKS user guide ("Define which Pods use
/// AWS Fargate when launched", Fargate profile wildcards) allows * and ? in the namespace, label keys and label values.
/// </summary>
public sealed record FargateSelector(string Namespace, IReadOnlyDictionary<string, string> Labels)
{
    public bool Selects(string @namespace, IReadOnlyDictionary<string, string> labels) =>
        SelectsNamespace(@namespace) && MissingLabels(labels).Count == 0;

    public bool SelectsNamespace(string @namespace) => Glob.Matches(Namespace, @namespace);

    /// <summary>The selector's labels the pod does not carry with a matching value, as "key=value".</summary>
    public IReadOnlyList<string> MissingLabels(IReadOnlyDictionary<string, string> labels) =>
        [.. Labels.Where(wanted => !labels.Any(l => Glob.Matches(wanted.Key, l.Key) && Glob.Matches(wanted.Value, l.Value))).Select(l => $"{l.Key}={l.Value}")];

    private static class Glob
    {
        public static bool Matches(string pattern, string text) => Match(pattern, 0, text, 0);

        private static bool Match(string pattern, int p, string text, int t)
        {
            while (p < pattern.Length)
            {
                switch (pattern[p])
                {
                    case '*':
                        for (var rest = t; rest <= text.Length; rest++)
                        {
                            if (Match(pattern, p + 1, text, rest))
                            {
                                return true;
                            }
                        }

                        return false;
                    case '?' when t < text.Length:
                        p++;
                        t++;
                        break;
                    default:
                        if (t >= text.Length || pattern[p] != text[t])
                        {
                            return false;
                        }

                        p++;
                        t++;
                        break;
                }
            }

            return t == text.Length;
        }
    }
}
