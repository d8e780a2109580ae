using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Aws.Ec2;

/// <summary>
/// The interfaces ECS attached to running awsvpc tasks, derived from the tasks so the two never disagree. ECS writes
/// the task's attachment ARN as the interface's description and, when the service has ECS managed tags enabled
/// (enableECSManagedTags), tags it aws:ecs:clusterName and aws:ecs:serviceName (the tags Terraform users filter
/// interfaces by: `filter { name = "tag:aws:ecs:serviceName" }`), and gives each its service's security groups. Derived once per snapshot
/// of the task list.
/// </summary>
internal sealed class TaskNetworkInterfaces(SandboxWorld world)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<EcsTask>? _seen;
    private IReadOnlyList<Ec2NetworkInterface> _interfaces = [];

    public IReadOnlyList<Ec2NetworkInterface> All
    {
        get
        {
            var tasks = world.Ecs.Tasks;
            lock (_gate)
            {
                if (!ReferenceEquals(tasks, _seen))
                {
                    _interfaces = Derive(tasks);
                    _seen = tasks;
                }

                return _interfaces;
            }
        }
    }

    private List<Ec2NetworkInterface> Derive(IReadOnlyList<EcsTask> tasks)
    {
        var subnets = world.Ec2.Subnets.ToDictionary(s => s.SubnetId, StringComparer.Ordinal);
        var managed = world.Ecs.Services.Where(s => s.EnableECSManagedTags).Select(s => (s.ClusterArn, s.ServiceName)).ToHashSet();

        // A service's task interface carries the service's awsvpcConfiguration securityGroups (ECS API reference, AwsVpcConfiguration:
        // "The IDs of the security groups associated with the task or service").
        var groups = world.Ecs.Services.Where(s => s.NetworkConfiguration is not null)
            .GroupBy(s => (s.ClusterArn, s.ServiceName))
            .ToDictionary(g => g.Key, g => g.First().NetworkConfiguration!.AwsvpcConfiguration.SecurityGroups);
        var found = new List<Ec2NetworkInterface>();
        foreach (var task in tasks)
        {
            if (task.LastStatus != "RUNNING" || task.Attachments.FirstOrDefault(a => a.Type == "ElasticNetworkInterface" && a.Status == "ATTACHED") is not { } attachment)
            {
                continue;
            }

            var details = attachment.Details.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
            if (!details.TryGetValue("networkInterfaceId", out var eni) || !details.TryGetValue("subnetId", out var subnetId)
                || !details.TryGetValue("privateIPv4Address", out var ip) || !subnets.TryGetValue(subnetId, out var subnet))
            {
                continue;
            }

            var cluster = EcsArns.LastSegment(task.ClusterArn);
            var service = task.Group?.StartsWith("service:", StringComparison.Ordinal) == true ? task.Group["service:".Length..] : null;
            IReadOnlyList<(string, string)> tags = service is not null && managed.Contains((task.ClusterArn, service))
                ? [("aws:ecs:clusterName", cluster), ("aws:ecs:serviceName", service)]
                : [];
            var region = task.TaskArn.Split(':')[3];
            var account = task.TaskArn.Split(':')[4];
            found.Add(new Ec2NetworkInterface(eni, subnetId, subnet.VpcId, subnet.AvailabilityZone, ip, details.GetValueOrDefault("macAddress", "0e:00:00:00:00:00"),
                $"arn:aws:ecs:{region}:{account}:attachment/{attachment.Id}", tags)
            {
                GroupIds = service is not null && groups.TryGetValue((task.ClusterArn, service), out var serviceGroups) ? serviceGroups : [],
            });
        }

        return found;
    }
}
