using DiagBot.Sandbox.Aws.Ecs;

namespace DiagBot.Sandbox.State;

// Everything the simulated account and cluster hold, one state object per service.
internal sealed class SandboxWorld(SandboxOptions options)
{
    public SandboxOptions Options { get; } = options;

    public EcsState Ecs { get; } = new();
}
