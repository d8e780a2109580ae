using System.Globalization;
using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Playbooks.LoadBalancing;

/// <summary>
/// The Service port a TargetGroupBinding names (spec.serviceRef.port, by number or name, or none for the first) and where
/// it leads: its targetPort on the pod for `ip` targets, its nodePort on the nodes for `instance` ones.
/// </summary>
internal static class ServicePorts
{
    public static KubeServicePort? Of(KubeService service, string? servicePort) => service.Ports.FirstOrDefault(p =>
        servicePort is null || p.Name == servicePort || p.Port.ToString(CultureInfo.InvariantCulture) == servicePort);

    /// <summary>The port's targetPort: a number, a container port's name, or unset (the port itself).</summary>
    public static int? TargetPort(KubeServicePort? port, KubePod pod)
    {
        if (port is null)
        {
            return null;
        }

        if (port.TargetPort is null)
        {
            return port.Port;
        }

        return int.TryParse(port.TargetPort, out var number)
            ? number
            : pod.Containers.SelectMany(c => c.Ports).FirstOrDefault(p => p.Name == port.TargetPort)?.ContainerPort;
    }
}
