namespace DiagBot.Diagnostics.Kubernetes;

/// <summary>
/// The Warning events of the configured clusters and namespaces (DiagBot:Kubernetes:Clusters:n:WatchNamespaces), read
/// the way a reflector does: list once for a resourceVersion, then watch from it. A watch whose resourceVersion has
/// expired throws <see cref="KubeWatchException"/> with <see cref="KubeWatchException.Expired"/> set: list again.
/// </summary>
public interface IKubernetesEventWatch
{
    IReadOnlyList<KubeWatchTarget> Targets { get; }

    Task<KubeWarningList> ListWarningsAsync(KubeWatchTarget target, CancellationToken cancellationToken);

    /// <summary>The changes after <paramref name="resourceVersion"/>, until the server ends the stream.</summary>
    IAsyncEnumerable<KubeWatchChange> WatchWarningsAsync(KubeWatchTarget target, string resourceVersion, CancellationToken cancellationToken);
}

/// <summary>One cluster (by its configured name) and namespace, or every namespace.</summary>
public sealed record KubeWatchTarget(string Cluster, string Namespace)
{
    public const string AllNamespaces = "*";

    public override string ToString() => $"{Cluster}/{Namespace}";
}
