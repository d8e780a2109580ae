namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>One API operation we call, with the IAM action that allows it (the deploy policy is checked against these).</summary>
internal sealed record AwsOperation(AwsService Service, string Name, string IamAction)
{
    /// <summary>
    /// The API server answers it by dialing one node's kubelet (pods/log): its timeouts and dial failures say that the node
    /// cannot be reached, not that the service is failing.
    /// </summary>
    public bool ReachesNode { get; init; }
}
