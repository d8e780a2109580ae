using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands for tasks that cannot start: the subnet, its routes and endpoints, the execution role.</summary>
internal static class StartupCli
{
    public static string DescribeSubnetAddresses(EcsTask task, string subnetId) =>
        $"aws ec2 describe-subnets --region {RegionOf(task)} --subnet-ids {subnetId} "
        + "--query \"Subnets[].{subnet:SubnetId,freeIps:AvailableIpAddressCount,cidr:CidrBlock,zone:AvailabilityZone}\"";

    public static string DescribeSubnetRoutes(EcsTask task, string subnetId) =>
        $"aws ec2 describe-route-tables --region {RegionOf(task)} --filters Name=association.subnet-id,Values={subnetId} "
        + "--query \"RouteTables[].{table:RouteTableId,routes:Routes[].[DestinationCidrBlock||DestinationPrefixListId,GatewayId||NatGatewayId||TransitGatewayId]}\"";

    public static string DescribeVpcEndpoints(EcsTask task, string vpcId) =>
        $"aws ec2 describe-vpc-endpoints --region {RegionOf(task)} --filters Name=vpc-id,Values={vpcId} "
        + "--query \"VpcEndpoints[].{service:ServiceName,type:VpcEndpointType,state:State,routeTables:RouteTableIds,subnets:SubnetIds}\"";

    public static string DescribeServiceNetwork(EcsTask task, string serviceName) =>
        $"aws ecs describe-services --region {RegionOf(task)} --cluster {task.ClusterName} --services {serviceName} "
        + "--query \"services[0].networkConfiguration.awsvpcConfiguration\"";

    public static string DescribeTaskStatus(EcsTask task) =>
        $"aws ecs describe-tasks --region {RegionOf(task)} --cluster {task.ClusterName} --tasks {task.TaskId} "
        + "--query \"tasks[0].{lastStatus:lastStatus,createdAt:createdAt,stopCode:stopCode,stoppedReason:stoppedReason,eni:attachments[0].details}\"";

    public static string DescribeExecutionRole(EcsTask task) =>
        $"aws ecs describe-task-definition --region {RegionOf(task)} --task-definition {task.TaskDefinitionArn} "
        + "--query \"taskDefinition.{executionRoleArn:executionRoleArn,secrets:containerDefinitions[].secrets[].valueFrom,images:containerDefinitions[].image}\"";

    public static string DescribeImage(EcsTask task, string image)
    {
        var (repository, tag) = SplitImage(image);
        return $"aws ecr describe-images --region {RegionOf(task)} --repository-name {repository} --image-ids {(tag.StartsWith("sha256:", StringComparison.Ordinal) ? "imageDigest" : "imageTag")}={tag}";
    }

    /// <summary>Asks IAM whether the role may perform the actions, without calling them.</summary>
    public static string SimulateRole(EcsTask task, string roleArn, IEnumerable<string> actions, IEnumerable<string> resources) =>
        SimulateRole(roleArn, actions, resources);

    /// <summary>The same for any role (IAM is global: no region, no task).</summary>
    public static string SimulateRole(string roleArn, IEnumerable<string> actions, IEnumerable<string> resources)
    {
        var resourceList = resources.ToList();
        return $"aws iam simulate-principal-policy --policy-source-arn {roleArn} --action-names {string.Join(' ', actions)}"
            + (resourceList.Count == 0 ? string.Empty : $" --resource-arns {string.Join(' ', resourceList)}")
            + " --query \"EvaluationResults[].{action:EvalActionName,resource:EvalResourceName,decision:EvalDecision}\"";
    }

    public static string LookupDeniedCalls(EcsTask task, string eventSource) =>
        $"aws cloudtrail lookup-events --region {RegionOf(task)} --lookup-attributes AttributeKey=EventSource,AttributeValue={eventSource} --max-results 50 "
        + $"--query \"Events[?contains(CloudTrailEvent, 'AccessDenied') && contains(CloudTrailEvent, '{task.TaskId}')].CloudTrailEvent\"";

    public static string RegionOf(EcsTask task) => Arn.TryParse(task.TaskArn, out var parsed) && parsed.Region.Length > 0 ? parsed.Region : "us-east-1";

    // "123.dkr.ecr.us-east-1.amazonaws.com/payments-api:3.9.0" -> ("payments-api", "3.9.0"); a digest wins over a tag.
    private static (string Repository, string Tag) SplitImage(string image)
    {
        var path = image.Contains('/', StringComparison.Ordinal) && image[..image.IndexOf('/', StringComparison.Ordinal)].Contains('.', StringComparison.Ordinal)
            ? image[(image.IndexOf('/', StringComparison.Ordinal) + 1)..]
            : image;
        var at = path.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return (path[..at], path[(at + 1)..]);
        }

        var colon = path.LastIndexOf(':');
        return colon > path.LastIndexOf('/') ? (path[..colon], path[(colon + 1)..]) : (path, "latest");
    }
}
