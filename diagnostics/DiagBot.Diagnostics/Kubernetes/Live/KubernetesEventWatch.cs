using System.Net;
using System.Runtime.CompilerServices;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence.Live;
using DiagBot.Diagnostics.Kubernetes.Configuration;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>
/// IKubernetesEventWatch over KubernetesClient: list with fieldSelector type=Warning, then watch=true from the list's
/// resourceVersion with allowWatchBookmarks. KubernetesClient hands the ERROR line's Status to the error callback
/// rather than the stream; a 410 there (or as the answer) becomes an expired watch.
/// </summary>
internal sealed class KubernetesEventWatch(KubernetesClientFactory clients, KubernetesOptions options, TimeProvider time) : IKubernetesEventWatch
{
    private const string WarningsOnly = "type=Warning";

    // The server ends a watch after this; the caller resumes from the last resourceVersion, as reflectors do.
    private const int WatchSeconds = 240;
    private static readonly TimeSpan ConnectBudget = TimeSpan.FromSeconds(30);

    public IReadOnlyList<KubeWatchTarget> Targets { get; } =
        [.. options.Clusters.SelectMany(c => c.WatchNamespaces.Distinct(StringComparer.Ordinal).Select(ns => new KubeWatchTarget(c.Name!, ns)))];

    public async Task<KubeWarningList> ListWarningsAsync(KubeWatchTarget target, CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(target, KubernetesApi.ListEvents).ConfigureAwait(false);
        try
        {
            var list = target.Namespace == KubeWatchTarget.AllNamespaces
                ? await client.CoreV1.ListEventForAllNamespacesAsync(fieldSelector: WarningsOnly, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await client.CoreV1.ListNamespacedEventAsync(target.Namespace, fieldSelector: WarningsOnly, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new KubeWarningList([.. (list.Items ?? []).Select(KubernetesEventMapper.ToWarning)], list.Metadata?.ResourceVersion ?? "0");
        }
        catch (HttpOperationException ex)
        {
            throw Failed(target, "list", ex.Response?.StatusCode, ex.Response?.Content, ex);
        }
    }

    public async IAsyncEnumerable<KubeWatchChange> WatchWarningsAsync(KubeWatchTarget target, string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = await ConnectAsync(target, KubernetesApi.WatchEvents).ConfigureAwait(false);
        Exception? failure = null;
        void OnError(Exception error) => failure ??= error;
        var changes = (target.Namespace == KubeWatchTarget.AllNamespaces
            ? client.CoreV1.WatchListEventForAllNamespacesAsync(
                allowWatchBookmarks: true, fieldSelector: WarningsOnly, resourceVersion: resourceVersion, timeoutSeconds: WatchSeconds, onError: OnError, cancellationToken: cancellationToken)
            : client.CoreV1.WatchListNamespacedEventAsync(
                target.Namespace, allowWatchBookmarks: true, fieldSelector: WarningsOnly, resourceVersion: resourceVersion, timeoutSeconds: WatchSeconds, onError: OnError, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        await using var reader = changes.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await reader.MoveNextAsync())
                {
                    break;
                }
            }
            catch (HttpOperationException ex)
            {
                throw Failed(target, "watch", ex.Response?.StatusCode, ex.Response?.Content, ex);
            }

            if (failure is not null)
            {
                break;
            }

            var (type, item) = reader.Current;
            if (ToChange(type, item) is { } change)
            {
                yield return change;
            }
        }

        switch (failure)
        {
            case null:
                yield break;
            case KubernetesException { Status.Code: (int)HttpStatusCode.Gone } gone:
                throw new KubeWatchException($"the watch of Warning events in {target} expired ({gone.Status.Message}): list again", expired: true, gone);
            case KubernetesException status:
                throw new KubeWatchException($"the watch of Warning events in {target} ended with {status.Status?.Code} {status.Status?.Reason}: {status.Status?.Message}", expired: false, status);
            default:
                throw new KubeWatchException($"the watch of Warning events in {target} failed: {failure.Message}", expired: false, failure);
        }
    }

    private async Task<IKubernetes> ConnectAsync(KubeWatchTarget target, AwsOperation operation)
    {
        using var budget = new DiagnosisBudget(ConnectBudget, time);
        var connected = await clients.ConnectAsync(target.Cluster, operation, budget).ConfigureAwait(false);
        return connected.Value ?? throw new KubeWatchException($"cluster '{target.Cluster}' cannot be reached: {connected.Gap?.Detail}", expired: false);
    }

    private static KubeWatchChange? ToChange(WatchEventType type, Corev1Event item)
    {
        var version = item.Metadata?.ResourceVersion ?? "";
        return type switch
        {
            WatchEventType.Added => new KubeWatchChange(KubeWatchChangeType.Added, version, KubernetesEventMapper.ToWarning(item)),
            WatchEventType.Modified => new KubeWatchChange(KubeWatchChangeType.Modified, version, KubernetesEventMapper.ToWarning(item)),
            WatchEventType.Deleted => new KubeWatchChange(KubeWatchChangeType.Deleted, version, KubernetesEventMapper.ToWarning(item)),
            WatchEventType.Bookmark => new KubeWatchChange(KubeWatchChangeType.Bookmark, version, null),
            _ => null,
        };
    }

    private static KubeWatchException Failed(KubeWatchTarget target, string verb, HttpStatusCode? status, string? content, Exception inner) =>
        new($"{verb} of Warning events in {target} answered {(int?)status} {KubernetesStatus.Reason(content)}: {KubernetesStatus.Message(content) ?? inner.Message}",
            expired: status == HttpStatusCode.Gone, inner);
}
