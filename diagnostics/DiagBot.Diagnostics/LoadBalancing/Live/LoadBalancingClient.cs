using System.Xml.Linq;
using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Aws.Http;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Evidence.Live;
using DiagBot.Diagnostics.LoadBalancing.Wire;

namespace DiagBot.Diagnostics.LoadBalancing.Live;

/// <summary>ILoadBalancingEvidence over the ELBv2 Query API, for one diagnosis session.</summary>
internal sealed class LoadBalancingClient(AwsQueryClient query, EvidenceScope scope, AwsLocations locations) : ILoadBalancingEvidence
{
    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsAsync(IReadOnlyList<string> targetGroupArns, CancellationToken cancellationToken) =>
        targetGroupArns.Count == 0
            ? Task.FromResult(EvidenceResult<IReadOnlyList<TargetGroup>>.Found([]))
            : PagedAsync(ElbApi.DescribeTargetGroups, targetGroupArns[0], [.. QueryXml.ListParameter("TargetGroupArns", targetGroupArns)], "TargetGroups", ElbXmlReader.TargetGroup, cancellationToken);

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsOfLoadBalancerAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        PagedAsync(ElbApi.DescribeTargetGroups, loadBalancerArn, [KeyValuePair.Create("LoadBalancerArn", loadBalancerArn)], "TargetGroups", ElbXmlReader.TargetGroup, cancellationToken);

    public Task<EvidenceResult<IReadOnlyList<TargetHealthDescription>>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        PagedAsync(ElbApi.DescribeTargetHealth, targetGroupArn, [KeyValuePair.Create("TargetGroupArn", targetGroupArn)], "TargetHealthDescriptions", ElbXmlReader.TargetHealth, cancellationToken);

    public Task<EvidenceResult<IReadOnlyList<LoadBalancer>>> DescribeLoadBalancersAsync(IReadOnlyList<string> loadBalancerArns, CancellationToken cancellationToken) =>
        loadBalancerArns.Count == 0
            ? Task.FromResult(EvidenceResult<IReadOnlyList<LoadBalancer>>.Found([]))
            : PagedAsync(ElbApi.DescribeLoadBalancers, loadBalancerArns[0], [.. QueryXml.ListParameter("LoadBalancerArns", loadBalancerArns)], "LoadBalancers", ElbXmlReader.LoadBalancer, cancellationToken);

    public Task<EvidenceResult<IReadOnlyList<TargetGroup>>> DescribeTargetGroupsByNameAsync(string name, AwsScope where, CancellationToken cancellationToken) =>
        PagedAsync(ElbApi.DescribeTargetGroups, locations.Resolve(where.AccountId, where.Region), [.. QueryXml.ListParameter("Names", [name])], "TargetGroups", ElbXmlReader.TargetGroup, cancellationToken);

    public Task<EvidenceResult<IReadOnlyList<Listener>>> DescribeListenersAsync(string loadBalancerArn, CancellationToken cancellationToken) =>
        PagedAsync(ElbApi.DescribeListeners, loadBalancerArn, [KeyValuePair.Create("LoadBalancerArn", loadBalancerArn)], "Listeners", ElbListenerXmlReader.Listener, cancellationToken);

    public Task<EvidenceResult<IReadOnlyList<ListenerRule>>> DescribeRulesAsync(string listenerArn, CancellationToken cancellationToken) =>
        PagedAsync(ElbApi.DescribeRules, listenerArn, [KeyValuePair.Create("ListenerArn", listenerArn)], "Rules", ElbListenerXmlReader.Rule, cancellationToken);

    public Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeLoadBalancerAttributesAsync(string loadBalancerArn, CancellationToken cancellationToken)
    {
        var operation = ElbApi.DescribeLoadBalancerAttributes;
        var target = TargetOf(loadBalancerArn);
        return scope.GetOrLoadAsync($"elb:{operation.Name}:{target}:{loadBalancerArn}", operation.Service.Key, operation.Name, async () =>
        {
            var result = await query.CallAsync(operation, ElbApi.Version, target, [KeyValuePair.Create("LoadBalancerArn", loadBalancerArn)], scope.Budget, CancellationToken.None)
                .ConfigureAwait(false);
            return result.Value is { } element
                ? EvidenceResult<IReadOnlyDictionary<string, string>>.Found(ElbXmlReader.Attributes(element))
                : EvidenceResult<IReadOnlyDictionary<string, string>>.Missing(result.Gap!);
        }, cancellationToken);
    }

    public Task<EvidenceResult<IReadOnlyDictionary<string, string>>> DescribeTagsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        var operation = ElbApi.DescribeTags;
        var target = TargetOf(resourceArn);
        return scope.GetOrLoadAsync($"elb:{operation.Name}:{target}:{resourceArn}", operation.Service.Key, operation.Name, async () =>
        {
            var result = await query.CallAsync(operation, ElbApi.Version, target, [.. QueryXml.ListParameter("ResourceArns", [resourceArn])], scope.Budget,
                CancellationToken.None).ConfigureAwait(false);
            return result.Value is { } element
                ? EvidenceResult<IReadOnlyDictionary<string, string>>.Found(ElbXmlReader.Tags(element, resourceArn))
                : EvidenceResult<IReadOnlyDictionary<string, string>>.Missing(result.Gap!);
        }, cancellationToken);
    }

    private Task<EvidenceResult<IReadOnlyList<T>>> PagedAsync<T>(
        AwsOperation operation, string resourceArn, IReadOnlyList<KeyValuePair<string, string>> parameters, string listName, Func<XElement, T> read,
        CancellationToken cancellationToken) =>
        PagedAsync(operation, TargetOf(resourceArn), parameters, listName, read, cancellationToken);

    // DescribeTargetHealth has no Marker; asking for NextMarker there simply finds none.
    private Task<EvidenceResult<IReadOnlyList<T>>> PagedAsync<T>(
        AwsOperation operation, AwsTarget target, IReadOnlyList<KeyValuePair<string, string>> parameters, string listName, Func<XElement, T> read,
        CancellationToken cancellationToken)
    {
        var key = $"elb:{operation.Name}:{target}:{string.Join("&", parameters.Select(p => $"{p.Key}={p.Value}"))}";
        return scope.GetOrLoadAsync(key, operation.Service.Key, operation.Name, async () =>
        {
            var items = new List<T>();
            string? marker = null;
            for (var page = 0; page < ElbApi.MaxPages; page++)
            {
                IEnumerable<KeyValuePair<string, string>> pageParameters = marker is null ? parameters : [.. parameters, KeyValuePair.Create("Marker", marker)];
                var result = await query.CallAsync(operation, ElbApi.Version, target, pageParameters, scope.Budget, CancellationToken.None).ConfigureAwait(false);
                if (result.Value is not { } element)
                {
                    return EvidenceResult<IReadOnlyList<T>>.Missing(result.Gap!);
                }

                items.AddRange(element.Members(listName).Select(read));
                marker = element.ChildText("NextMarker");
                if (string.IsNullOrEmpty(marker))
                {
                    break;
                }
            }

            return EvidenceResult<IReadOnlyList<T>>.Found(items);
        }, cancellationToken);
    }

    private AwsTarget TargetOf(string arn) => Arn.TryParse(arn, out var parsed) ? locations.ForArn(parsed) : locations.Default;
}
