using System.Text.Json.Nodes;
using DiagBot.Sandbox.Catalogue.Landscape;
using DiagBot.Sandbox.Catalogue.Seeding;

namespace DiagBot.Sandbox.Catalogue.Incidents;

/// <summary>
/// Failure mode 10, "CNI not ready": the VPC CNI's IRSA role lost AmazonEKS_CNI_Policy. The aws-node pods that were running
/// keep their warm pool, but the one on ip-10-0-39-58 restarted and its ipamd cannot start, because EC2 refuses it
/// DescribeNetworkInterfaces: the pod crash-loops, never Ready, and every pod scheduled to the node waits in
/// ContainerCreating with the plugin's gRPC call to ipamd refused. The node stays Ready: the CNI config the last good run
/// wrote is still on disk, so the kubelet reports the network plugin ready.
/// </summary>
internal sealed class EksPodsContainerCreatingCniNotReady : ICatalogueEntry
{
    public const string Name = "p10-eks-cni-not-ready";
    private const string PodName = "recommendations-7c5d8b9f4-q6w2z";
    private const string NodeIp = "10.0.39.58";

    public SandboxScenario Seed(SeedContext context)
    {
        var node = EksLandscape.Node(context, NodeIp, 'b', "i-0d2a6f8c1e4b7a906", ProdLandscape.PrivateSubnetB);
        var nodeName = node["metadata"]!["name"]!.GetValue<string>();

        // The kubelet names a pod name_namespace(uid) in its back-off wordings (pkg/kubelet/kuberuntime, format.Pod).
        var awsNodeName = $"aws-node-{SeedContext.Hex("aws-node/" + nodeName, 5)}";
        var awsNodePod = $"{awsNodeName}_kube-system({Guid.Parse(SeedContext.Hex($"k8s/kube-system/{awsNodeName}", 32))})";
        var awsNode = EksLandscape.SeedAwsNodePod(context, nodeName, spec => spec with
        {
            Ready = false,
            RestartCount = 14,
            State = new JsonObject
            {
                // The kubelet's back-off wording (pkg/kubelet/kuberuntime: "back-off %s restarting failed container=%s pod=%s").
                ["waiting"] = new JsonObject
                {
                    ["reason"] = "CrashLoopBackOff",
                    ["message"] = $"back-off 5m0s restarting failed container=aws-node pod={awsNodePod}",
                },
            },
            LastState = KubeSeeds.Terminated(context, Name + "/aws-node", 1, "Error", 4, 3),
        });

        // ipamd's event on its own pod when EC2 answers UnauthorizedOperation (pkg/awsutils/awsutils.go,
        // checkAPIErrorAndBroadcastEvent), as aws-samples/eks-workshop-v2's VPC CNI troubleshooting shows it in kubectl describe.
        KubeSeeds.Event(context, awsNode, "Warning", "MissingIAMPermissions",
            "Unauthorized operation: failed to call ec2:DescribeNetworkInterfaces due to missing permissions. "
            + "Please refer https://github.com/aws/amazon-vpc-cni-k8s/blob/master/docs/iam-policy.md to attach relevant policy to IAM role",
            "aws-node", firstMinutesAgo: 48, lastMinutesAgo: 3, count: 14);
        KubeSeeds.Event(context, awsNode, "Warning", "BackOff", $"Back-off restarting failed container aws-node in pod {awsNodePod}",
            "kubelet", firstMinutesAgo: 40, lastMinutesAgo: 1, count: 171);

        // The aws-node entrypoint's lines (cmd/aws-vpc-cni/main.go) before it gives up on ipamd, as quoted in
        // aws/amazon-vpc-cni-k8s#2423 and #3224: ipamd's own log goes to /var/log/aws-routed-eni/ipamd.log on the node.
        var started = KubeSeeds.Time(context.Ago(4));
        KubeSeeds.Logs(context, awsNode, "aws-node", previous: true,
            "Installed /host/opt/cni/bin/aws-cni",
            "Installed /host/opt/cni/bin/egress-cni",
            $"time=\"{started}\" level=info msg=\"Starting IPAM daemon... \"",
            $"time=\"{started}\" level=info msg=\"Checking for IPAM connectivity... \"",
            $"time=\"{KubeSeeds.Time(context.Ago(3))}\" level=error msg=\"Failed to wait for IPAM daemon to complete\" error=\"exit status 1\"");

        var image = EcsSeeds.Image(context, "recommendations", "5.2.1");
        var pod = new PodSpec("shop", PodName, "recommendations", image)
        {
            NodeName = nodeName,
            Phase = "Pending",
            CreatedMinutesAgo = 16,
            Ready = false,
            State = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
        }.Seed(context);

        // The plugin's gRPC call to ipamd on 127.0.0.1:50051 refused (cmd/routed-eni-cni-plugin/cni.go wraps it in "add cmd:
        // Error received from AddNetwork gRPC call"), in containerd 1.7's sandbox wording, as quoted in projectcalico/calico#4087.
        KubeSeeds.Event(context, pod, "Normal", "Scheduled", $"Successfully assigned shop/{PodName} to {nodeName}", "default-scheduler", 16, 16);
        KubeSeeds.Event(context, pod, "Warning", "FailedCreatePodSandBox",
            $"Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox \"{SeedContext.Hex("sandbox/" + Name, 64)}\": "
            + "plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: Error received from AddNetwork gRPC call: rpc error: code = Unavailable "
            + "desc = connection error: desc = \"transport: Error while dialing: dial tcp 127.0.0.1:50051: connect: connection refused\"",
            "kubelet", firstMinutesAgo: 16, lastMinutesAgo: 1, count: 15);
        DeploymentSeeds.Deployment(context, "shop", "recommendations", image, replicas: 1, available: 0, updated: 1, progressing: false,
            "recommendations-7c5d8b9f4", createdMinutesAgo: 60 * 24 * 20);

        return new SandboxScenario(Name, 10, $"pod shop/{PodName}",
            "Pod stuck in ContainerCreating: aws-node on its node crash-loops, ipamd denied ec2:DescribeNetworkInterfaces (AmazonEKS_CNI_Policy missing).");
    }
}
