using System.Text.RegularExpressions;
using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.FailureModes;

internal enum PlacementProblem
{
    InsufficientMemory,
    InsufficientCpu,
    PortInUse,
    NoContainerInstances,
    AgentError,
    DeploymentConfiguration,
    Other,
}

/// <summary>
/// A service scheduler event saying why a task could not be placed: "(service x) was unable to place a task because
/// no container instance met all of its requirements. The closest matching (container-instance id) has insufficient
/// memory available." and its siblings (CPU units, a port already in use, error "AGENT", no container instances, and
/// "unable to stop or start tasks during a deployment because of the service deployment configuration").
/// </summary>
internal sealed partial record PlacementEvent(EcsServiceEvent Event, PlacementProblem Problem, string? ContainerInstanceId)
{
    public static PlacementEvent? Parse(EcsServiceEvent e)
    {
        var text = Normalize(e.Message);
        var deploymentConfiguration = text.Contains("because of the service deployment configuration", StringComparison.OrdinalIgnoreCase)
            || text.Contains("update the minimumhealthypercent or maximumpercent", StringComparison.OrdinalIgnoreCase);
        if (!text.Contains("unable to place a task", StringComparison.OrdinalIgnoreCase) && !deploymentConfiguration)
        {
            return null;
        }

        var problem = deploymentConfiguration ? PlacementProblem.DeploymentConfiguration
            : text.Contains("insufficient memory", StringComparison.OrdinalIgnoreCase) ? PlacementProblem.InsufficientMemory
            : text.Contains("insufficient cpu", StringComparison.OrdinalIgnoreCase) ? PlacementProblem.InsufficientCpu
            : text.Contains("already using a port", StringComparison.OrdinalIgnoreCase) ? PlacementProblem.PortInUse
            : text.Contains("no container instances were found", StringComparison.OrdinalIgnoreCase) || text.Contains("no container instance found", StringComparison.OrdinalIgnoreCase) ? PlacementProblem.NoContainerInstances
            : text.Contains("\"AGENT\"", StringComparison.OrdinalIgnoreCase) || text.Contains("agent is disconnected", StringComparison.OrdinalIgnoreCase) ? PlacementProblem.AgentError
            : PlacementProblem.Other;
        var instance = ClosestInstance().Match(text);
        return new PlacementEvent(e, problem, instance.Success ? instance.Groups["id"].Value : null);
    }

    public bool IsCapacity => Problem is PlacementProblem.InsufficientMemory or PlacementProblem.InsufficientCpu;

    public bool IsNoHost => Problem is PlacementProblem.NoContainerInstances or PlacementProblem.AgentError;

    private static string Normalize(string message) =>
        WhiteSpace().Replace(message.Replace('\u201c', '"').Replace('\u201d', '"').Replace('\u2019', '\''), " ");

    [GeneratedRegex(@"\(container-instance (?<id>[\w/:.-]+)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ClosestInstance();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
