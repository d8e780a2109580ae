namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands for EKS diagnoses: the node, its instance, the cluster's Fargate profiles, aws-node.</summary>
public static class EksCli
{
    /// <summary>Events about a node (they live in the default namespace), newest last.</summary>
    public static string NodeEvents(string cluster, string node) =>
        $"kubectl --context {cluster} get events -n default --field-selector involvedObject.kind=Node,involvedObject.name={node} --sort-by=.metadata.creationTimestamp";

    public static string DescribeInstance(string region, string instanceId) =>
        $"aws ec2 describe-instances --region {region} --instance-ids {instanceId} "
        + "--query \"Reservations[0].Instances[0].{lifecycle:InstanceLifecycle,state:State.Name,reason:StateReason.Message,arch:Architecture,subnet:SubnetId,groups:SecurityGroups[].GroupId}\"";

    public static string FargateProfiles(string region, string eksCluster) =>
        $"aws eks list-fargate-profiles --region {region} --cluster-name {eksCluster}";

    public static string DescribeFargateProfile(string region, string eksCluster, string profile) =>
        $"aws eks describe-fargate-profile --region {region} --cluster-name {eksCluster} --fargate-profile-name {profile} --query \"fargateProfile.selectors\"";

    public static string AwsNodeOnNode(string cluster, string node) =>
        $"kubectl --context {cluster} -n kube-system get pods -l k8s-app=aws-node --field-selector spec.nodeName={node} -o wide";

    public static string AwsNodeLogs(string cluster, string pod) =>
        $"kubectl --context {cluster} -n kube-system logs {pod} -c aws-node --tail 20";

    public static string SecurityGroupRules(string region, IEnumerable<string> groupIds) =>
        $"aws ec2 describe-security-groups --region {region} --group-ids {string.Join(' ', groupIds)} "
        + "--query \"SecurityGroups[].{id:GroupId,ingress:IpPermissions[].{proto:IpProtocol,from:FromPort,to:ToPort,groups:UserIdGroupPairs[].GroupId,cidrs:IpRanges[].CidrIp}}\"";

    public static string NodeArchitecture(string cluster, string node) =>
        $"kubectl --context {cluster} get node {node} -L kubernetes.io/arch -L node.kubernetes.io/instance-type";

    /// <summary>Every namespace's TargetGroupBindings, with the target group each one fills.</summary>
    public static string AllTargetGroupBindings(string cluster) =>
        $"kubectl --context {cluster} get targetgroupbindings -A -o wide";

    /// <summary>The SecurityGroupPolicy that gave a pod its own groups: its selectors and groupIds, as the VPC resource controller reads them.</summary>
    public static string SecurityGroupPolicy(string cluster, string @namespace, string name) =>
        $"kubectl --context {cluster} -n {@namespace} get securitygrouppolicy {name} -o yaml";

    public static string TargetGroupBindings(string cluster, string @namespace) =>
        $"kubectl --context {cluster} -n {@namespace} get targetgroupbindings -o wide";
}
