using System.Text.Json;

namespace DiagBot.Diagnostics.Kubernetes.Live;

/// <summary>
/// Reads TargetGroupBinding lists (elbv2.k8s.aws/v1beta1, the AWS Load Balancer Controller's CRD) from the JSON the
/// custom-objects API returns; the shape is the controller's apis/elbv2/v1beta1 TargetGroupBindingSpec.
/// </summary>
internal static class KubernetesCustomObjects
{
    public const string ElbGroup = "elbv2.k8s.aws";
    public const string ElbVersion = "v1beta1";
    public const string TargetGroupBindings = "targetgroupbindings";

    public static IReadOnlyList<KubeTargetGroupBinding> TargetGroupBindingList(object? list) =>
        [.. Items(list).Select(Binding).OfType<KubeTargetGroupBinding>()];

    /// <summary>The items of a list the custom-objects API returned (a JsonElement, or an object to serialize); none when it is no list.</summary>
    public static IEnumerable<JsonElement> Items(object? list)
    {
        var root = list switch
        {
            JsonElement element => element,
            null => default,
            _ => JsonSerializer.SerializeToElement(list),
        };
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : [];
    }

    private static KubeTargetGroupBinding? Binding(JsonElement item)
    {
        var spec = Child(item, "spec");
        var serviceRef = Child(spec, "serviceRef");
        if (Text(spec, "targetGroupARN") is not { } arn || Text(serviceRef, "name") is not { } service)
        {
            return null;
        }

        var metadata = Child(item, "metadata");
        var from = Child(Child(spec, "networking"), "ingress") is { ValueKind: JsonValueKind.Array } rules
            ? rules.EnumerateArray().SelectMany(r => Child(r, "from") is { ValueKind: JsonValueKind.Array } peers ? peers.EnumerateArray() : [])
                .Select(p => Text(Child(p, "securityGroup"), "groupID")).OfType<string>().Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new KubeTargetGroupBinding
        {
            Namespace = Text(metadata, "namespace") ?? string.Empty,
            Name = Text(metadata, "name") ?? string.Empty,
            TargetGroupArn = arn,
            TargetType = Text(spec, "targetType"),
            ServiceName = service,
            ServicePort = Child(serviceRef, "port") is { ValueKind: JsonValueKind.Number or JsonValueKind.String } port ? port.ToString() : null,
            IngressFromSecurityGroups = from,
            Labels = Child(metadata, "labels") is { ValueKind: JsonValueKind.Object } labels
                ? labels.EnumerateObject().Where(l => l.Value.ValueKind == JsonValueKind.String)
                    .ToDictionary(l => l.Name, l => l.Value.GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }

    /// <summary>The named property of an object, or default when the parent is no object or lacks it.</summary>
    public static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    /// <summary>The named property when it is a string, else null.</summary>
    public static string? Text(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
