namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands for the load-balancer playbooks (5, 6, 13), with the real ARNs and ids filled in.</summary>
public static class LoadBalancingCli
{
    public static string TargetHealth(string region, string targetGroupArn) =>
        $"aws elbv2 describe-target-health --region {region} --target-group-arn {targetGroupArn} "
        + "--query \"TargetHealthDescriptions[].{id:Target.Id,port:Target.Port,state:TargetHealth.State,reason:TargetHealth.Reason,description:TargetHealth.Description}\"";

    public static string TargetGroupSetup(string region, string targetGroupArn) =>
        $"aws elbv2 describe-target-groups --region {region} --target-group-arns {targetGroupArn} "
        + "--query \"TargetGroups[0].{targetType:TargetType,port:Port,healthCheckPort:HealthCheckPort,healthCheckPath:HealthCheckPath,matcher:Matcher.HttpCode,loadBalancers:LoadBalancerArns}\"";

    /// <summary>Who made the group: the AWS Load Balancer Controller tags its own with elbv2.k8s.aws/cluster and its stack.</summary>
    public static string Tags(string region, string resourceArn) =>
        $"aws elbv2 describe-tags --region {region} --resource-arns {resourceArn} --query \"TagDescriptions[0].Tags\"";

    public static string ServiceLoadBalancers(string region, string cluster, string service) =>
        $"aws ecs describe-services --region {region} --cluster {cluster} --services {service} "
        + "--query \"services[0].{loadBalancers:loadBalancers,running:runningCount,desired:desiredCount,grace:healthCheckGracePeriodSeconds,events:events[:5].message}\"";

    public static string TaskDefinitionPorts(string region, string taskDefinitionArn) =>
        $"aws ecs describe-task-definition --region {region} --task-definition {taskDefinitionArn} "
        + "--query \"taskDefinition.{networkMode:networkMode,containers:containerDefinitions[].{name:name,portMappings:portMappings}}\"";

    public static string SecurityGroupIngress(string region, IEnumerable<string> groupIds) =>
        $"aws ec2 describe-security-groups --region {region} --group-ids {string.Join(' ', groupIds)} "
        + "--query \"SecurityGroups[].{id:GroupId,ingress:IpPermissions[].{protocol:IpProtocol,from:FromPort,to:ToPort,groups:UserIdGroupPairs[].GroupId,cidrs:IpRanges[].CidrIp}}\"";

    /// <summary>A network interface's type and groups: for a pod with security groups of its own, its branch interface.</summary>
    public static string InterfaceGroups(string region, string networkInterfaceId) =>
        $"aws ec2 describe-network-interfaces --region {region} --network-interface-ids {networkInterfaceId} "
        + "--query \"NetworkInterfaces[].{id:NetworkInterfaceId,type:InterfaceType,ip:PrivateIpAddress,groups:Groups[].GroupId}\"";

    public static string IdleTimeout(string region, string loadBalancerArn) =>
        $"aws elbv2 describe-load-balancer-attributes --region {region} --load-balancer-arn {loadBalancerArn} "
        + "--query \"Attributes[?Key=='idle_timeout.timeout_seconds'].Value\"";

    /// <summary>The last hour of the log group's lines holding <paramref name="phrase"/>, the words before a request's duration.</summary>
    public static string SlowRequests(string region, string logGroup, string phrase) =>
        $"aws logs filter-log-events --region {region} --log-group-name {logGroup} --start-time $(( ($(date +%s) - 3600) * 1000 )) "
        + $"--filter-pattern '\"{phrase}\"' --query \"events[].message\"";

    public static string All(params string?[] commands) => string.Join(" && ", commands.Where(c => !string.IsNullOrEmpty(c)));
}
