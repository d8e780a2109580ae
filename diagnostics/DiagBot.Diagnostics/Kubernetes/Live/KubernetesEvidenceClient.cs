using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Aws.Resilience;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using k8s;
using k8s.Autorest;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>IKubernetesEvidence over KubernetesClient, for one diagnosis session; calls share the AWS call guard.</summary>
internal sealed class KubernetesEvidenceClient(KubernetesClientFactory clients, AwsCallGuard guard, EvidenceScope scope) : IKubernetesEvidence
{
    public IReadOnlyList<string> Clusters => clients.ClusterNames;

    public Task<EvidenceResult<KubePod>> GetPodAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.GetPod, cluster, $"{@namespace}/{name}", cancellationToken, async (k, token) =>
            KubernetesMapper.ToModel(await k.CoreV1.ReadNamespacedPodAsync(name, @namespace, cancellationToken: token).ConfigureAwait(false)));

    public Task<EvidenceResult<IReadOnlyList<KubePod>>> ListPodsAsync(string cluster, string @namespace, string? labelSelector, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<KubePod>>(KubernetesApi.ListPods, cluster, $"{@namespace}?{labelSelector}", cancellationToken, async (k, token) =>
            [.. (await k.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: labelSelector, cancellationToken: token).ConfigureAwait(false)).Items?.Select(KubernetesMapper.ToModel) ?? []]);

    public Task<EvidenceResult<IReadOnlyList<KubeEvent>>> ListEventsForAsync(string cluster, string @namespace, string kind, string name, CancellationToken cancellationToken)
    {
        var selector = $"involvedObject.kind={kind},involvedObject.name={name}";
        return CallAsync<IReadOnlyList<KubeEvent>>(KubernetesApi.ListEvents, cluster, $"{@namespace}?{selector}", cancellationToken, async (k, token) =>
            [.. ((await k.CoreV1.ListNamespacedEventAsync(@namespace, fieldSelector: selector, cancellationToken: token).ConfigureAwait(false)).Items ?? [])
                .Select(KubernetesEventMapper.ToEvidence)
                .OrderBy(e => e.LastTimestamp ?? DateTimeOffset.MinValue)]);
    }

    public Task<EvidenceResult<IReadOnlyList<KubeNode>>> ListNodesAsync(string cluster, string? labelSelector, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<KubeNode>>(KubernetesApi.ListNodes, cluster, labelSelector ?? string.Empty, cancellationToken, async (k, token) =>
            [.. (await k.CoreV1.ListNodeAsync(labelSelector: labelSelector, cancellationToken: token).ConfigureAwait(false)).Items?.Select(KubernetesMapper.ToModel) ?? []]);

    public Task<EvidenceResult<KubeDaemonSet>> GetAwsNodeDaemonSetAsync(string cluster, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.GetDaemonSet, cluster, KubernetesApi.AwsNodeName, cancellationToken, async (k, token) =>
            KubernetesMapper.ToModel(await k.AppsV1.ReadNamespacedDaemonSetAsync(KubernetesApi.AwsNodeName, KubernetesApi.AwsNodeNamespace, cancellationToken: token).ConfigureAwait(false)));

    public Task<EvidenceResult<IReadOnlyList<string>>> GetPodLogAsync(string cluster, KubeLogQuery query, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.GetPodLog, cluster, $"{query.Namespace}/{query.Pod}/{query.Container}?previous={query.Previous}&tailLines={query.TailLines}", cancellationToken, async (k, token) =>
        {
            using var stream = await k.CoreV1.ReadNamespacedPodLogAsync(
                query.Pod, query.Namespace, container: query.Container, previous: query.Previous, tailLines: query.TailLines, cancellationToken: token).ConfigureAwait(false);
            return await KubernetesLogText.ReadLinesAsync(stream, query.TailLines, token).ConfigureAwait(false);
        });

    public Task<EvidenceResult<KubeDeployment>> GetDeploymentAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.GetDeployment, cluster, $"{@namespace}/{name}", cancellationToken, async (k, token) =>
            KubernetesDeploymentMapper.ToModel(await k.AppsV1.ReadNamespacedDeploymentAsync(name, @namespace, cancellationToken: token).ConfigureAwait(false)));

    public Task<EvidenceResult<KubeNode>> GetNodeAsync(string cluster, string name, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.GetNode, cluster, name, cancellationToken, async (k, token) =>
            KubernetesMapper.ToModel(await k.CoreV1.ReadNodeAsync(name, cancellationToken: token).ConfigureAwait(false)));

    public Task<EvidenceResult<KubeService>> GetServiceAsync(string cluster, string @namespace, string name, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.GetService, cluster, $"{@namespace}/{name}", cancellationToken, async (k, token) =>
            KubernetesServiceMapper.ToModel(await k.CoreV1.ReadNamespacedServiceAsync(name, @namespace, cancellationToken: token).ConfigureAwait(false)));

    public Task<EvidenceResult<IReadOnlyList<KubeTargetGroupBinding>>> ListTargetGroupBindingsAsync(string cluster, string? @namespace, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.ListTargetGroupBindings, cluster, @namespace ?? "*", cancellationToken, async (k, token) =>
            KubernetesCustomObjects.TargetGroupBindingList(@namespace is null
                ? await k.CustomObjects.ListClusterCustomObjectAsync(
                    KubernetesCustomObjects.ElbGroup, KubernetesCustomObjects.ElbVersion, KubernetesCustomObjects.TargetGroupBindings, cancellationToken: token).ConfigureAwait(false)
                : await k.CustomObjects.ListNamespacedCustomObjectAsync(
                    KubernetesCustomObjects.ElbGroup, KubernetesCustomObjects.ElbVersion, @namespace, KubernetesCustomObjects.TargetGroupBindings, cancellationToken: token).ConfigureAwait(false)));

    public Task<EvidenceResult<IReadOnlyList<KubeSecurityGroupPolicy>>> ListSecurityGroupPoliciesAsync(
        string cluster, string @namespace, CancellationToken cancellationToken) =>
        CallAsync(KubernetesApi.ListSecurityGroupPolicies, cluster, @namespace, cancellationToken, async (k, token) =>
            KubernetesSecurityGroupPolicies.List(await k.CustomObjects.ListNamespacedCustomObjectAsync(
                KubernetesSecurityGroupPolicies.Group, KubernetesSecurityGroupPolicies.Version, @namespace, KubernetesSecurityGroupPolicies.Plural,
                cancellationToken: token).ConfigureAwait(false)));

    public KubeEksCluster? EksClusterOf(string cluster) => clients.EksClusterOf(cluster);

    private Task<EvidenceResult<T>> CallAsync<T>(
        AwsOperation operation, string cluster, string what, CancellationToken cancellationToken, Func<IKubernetes, CancellationToken, Task<T>> read)
        where T : class =>
        scope.GetOrLoadAsync($"kubernetes:{cluster}:{operation.Name}:{what}", operation.Service.Key, operation.Name, async () =>
        {
            var connected = await clients.ConnectAsync(cluster, operation, scope.Budget).ConfigureAwait(false);
            if (connected.Value is not { } client)
            {
                return EvidenceResult<T>.Missing(connected.Gap!);
            }

            // The cluster name stands where AWS has a region: the circuit breaker is per cluster.
            return await guard.RunAsync(operation, new AwsTarget(null, cluster), scope.Budget, CancellationToken.None, async token =>
            {
                try
                {
                    return EvidenceResult<T>.Found(await read(client, token).ConfigureAwait(false));
                }
                catch (HttpOperationException ex)
                {
                    var status = ex.Response?.StatusCode ?? System.Net.HttpStatusCode.InternalServerError;
                    var message = KubernetesStatus.Message(ex.Response?.Content) ?? ex.Message;
                    var gap = AwsErrorMapper.ToGap(operation, status, KubernetesStatus.Reason(ex.Response?.Content), message);

                    // The API server answers 500 when it cannot dial the kubelet: a fact about the node's reachability, not a fault to retry.
                    return EvidenceResult<T>.Missing(KubeletDialFailure.Parse(message) is null ? gap : gap with { Reason = GapReason.Unreachable });
                }
            }).ConfigureAwait(false);
        }, cancellationToken);
}
