using System.Text.Json.Nodes;
using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>
/// Events as components write them today. The scheduler, Karpenter and the node lifecycle controller record through
/// events.k8s.io/v1 (client-go tools/events): read through core/v1 such an event has no count, firstTimestamp or
/// lastTimestamp (AliyunContainerService/kube-eventer#253 shows FailedScheduling with both at the zero time); its
/// repeats are in series {count, lastObservedTime} and its time in eventTime (k8s.io/api events/v1 EventSeries).
/// </summary>
internal static class KubeEventSeeds
{
    public static JsonObject Series(SeedContext context, JsonObject involved, string type, string reason, string message, string component, string action,
        int firstMinutesAgo, int lastMinutesAgo, int count)
    {
        var metadata = involved["metadata"]!;
        var name = metadata["name"]!.GetValue<string>();
        var ns = metadata["namespace"]?.GetValue<string>() ?? "default";
        var e = new JsonObject
        {
            ["kind"] = "Event",
            ["apiVersion"] = "v1",
            ["metadata"] = KubeSeeds.Metadata(context, $"{name}.{SeedContext.Hex(reason + message, 16)}", ns, firstMinutesAgo),
            ["involvedObject"] = Involved(involved),
            ["reason"] = reason,
            ["message"] = message,
            ["source"] = new JsonObject(),
            ["firstTimestamp"] = null,
            ["lastTimestamp"] = null,
            ["type"] = type,
            ["eventTime"] = MicroTime(context.Ago(firstMinutesAgo)),
            ["action"] = action,
            ["reportingComponent"] = component,
            ["reportingInstance"] = $"{component}-{SeedContext.Hex("instance/" + component, 10)}",
        };
        if (count > 1)
        {
            e["series"] = new JsonObject { ["count"] = count, ["lastObservedTime"] = MicroTime(context.Ago(lastMinutesAgo)) };
        }

        return context.World.Kube.Add(KubeResource.Events, e);
    }

    /// <summary>metav1.MicroTime: RFC 3339 with six fractional digits.</summary>
    public static string MicroTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'.'ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // A cluster-scoped object's events (a Node's) live in the default namespace and name no namespace in involvedObject.
    private static JsonObject Involved(JsonObject involved)
    {
        var metadata = involved["metadata"]!;
        var reference = new JsonObject
        {
            ["kind"] = involved["kind"]!.GetValue<string>(),
            ["name"] = metadata["name"]!.GetValue<string>(),
            ["uid"] = metadata["uid"]!.GetValue<string>(),
            ["apiVersion"] = involved["apiVersion"]?.GetValue<string>() ?? "v1",
        };
        if (metadata["namespace"]?.GetValue<string>() is { } ns)
        {
            reference["namespace"] = ns;
        }

        return reference;
    }
}
