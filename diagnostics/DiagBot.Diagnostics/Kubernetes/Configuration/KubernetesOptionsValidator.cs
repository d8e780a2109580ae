namespace DiagBot.Diagnostics.Kubernetes.Configuration;

/// <summary>Start-up checks of DiagBot:Kubernetes, each naming the setting.</summary>
internal static class KubernetesOptionsValidator
{
    public static IReadOnlyList<string> Validate(KubernetesOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Clusters.Count; i++)
        {
            var key = $"{KubernetesOptions.SectionName}:Clusters:{i}";
            var cluster = options.Clusters[i];
            if (string.IsNullOrWhiteSpace(cluster.Name))
            {
                errors.Add($"{key}:Name is not set: every cluster needs the name engineers use for it.");
            }

            if (cluster.Server is not null && !Uri.TryCreate(cluster.Server, UriKind.Absolute, out _))
            {
                errors.Add($"{key}:Server must be an absolute URL, got '{cluster.Server}'.");
            }

            if (cluster.Eks is { } eks && string.IsNullOrWhiteSpace(eks.ClusterName))
            {
                errors.Add($"{key}:Eks:ClusterName is not set: the EKS cluster's name signs its token (and finds its endpoint when {key}:Server is not set).");
            }

            errors.AddRange(cluster.WatchNamespaces.Where(ns => !IsWatchable(ns)).Select(ns =>
                $"{key}:WatchNamespaces has '{ns}': each entry must be a namespace name (lowercase letters, digits and '-', at most 63) or \"*\" for every namespace."));
        }

        var duplicate = options.Clusters.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Key is not null && g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add($"{KubernetesOptions.SectionName}:Clusters names '{duplicate.Key}' more than once.");
        }

        return errors;
    }

    private static bool IsWatchable(string? ns) =>
        ns == KubeWatchTarget.AllNamespaces || (ns is { Length: > 0 and <= 63 } && ns.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && ns[0] != '-' && ns[^1] != '-');
}
