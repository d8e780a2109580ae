using DiagBot.Sandbox.Aws.CloudWatch;
using DiagBot.Sandbox.Aws.Ec2;
using DiagBot.Sandbox.Aws.Ecs;
using DiagBot.Sandbox.Aws.Eks;
using DiagBot.Sandbox.Aws.CloudTrail;
using DiagBot.Sandbox.Aws.Elb;
using DiagBot.Sandbox.Aws.Logs;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.State;

/// <summary>Everything the simulated account and cluster hold, one state object per service.</summary>
internal sealed class SandboxWorld(SandboxOptions options)
{
    public SandboxOptions Options { get; } = options;

    public EcsState Ecs { get; } = new();

    public ElbState Elb { get; } = new();

    public Ec2State Ec2 { get; } = new();

    public LogsState Logs { get; } = new();

    public CloudTrailState CloudTrail { get; } = new();

    public EksState Eks { get; } = new();

    public KubeState Kube { get; } = new();

    public CloudWatchState CloudWatch { get; } = new();
}
