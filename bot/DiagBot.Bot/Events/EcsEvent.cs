using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Events;

/// <summary>
/// An EventBridge event from aws.ecs as delivered (envelope fields `id`, `detail-type`, `account`, `region`,
/// `time`, `resources`, and `detail`). Unknown properties are kept in <see cref="Detail"/>: ECS adds fields over time.
/// </summary>
internal sealed record EcsEvent(string Id, string DetailType, string Account, string Region, DateTimeOffset Time, IReadOnlyList<string> Resources, JsonObject Detail)
{
    public const string TaskStateChange = "ECS Task State Change";
    public const string ServiceAction = "ECS Service Action";
    public const string DeploymentStateChange = "ECS Deployment State Change";

    public string? Text(string name) => Detail[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The event, or null when the document is not an ECS event this bot understands.</summary>
    public static EcsEvent? TryParse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: StrictJson.Document);
        }
        catch (JsonException)
        {
            return null;
        }

        return root is JsonObject envelope ? From(envelope) : null;
    }

    public static EcsEvent? From(JsonObject envelope)
    {
        if (Field(envelope, "id") is not { } id || Field(envelope, "detail-type") is not { } detailType || envelope["detail"] is not JsonObject detail)
        {
            return null;
        }

        var time = DateTimeOffset.TryParse(Field(envelope, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : DateTimeOffset.MinValue;
        var resources = envelope["resources"] is JsonArray array ? array.Select(node => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "").Where(r => r.Length > 0).ToList() : [];
        return new EcsEvent(id, detailType, Field(envelope, "account") ?? "", Field(envelope, "region") ?? "", time, resources, detail);
    }

    private static string? Field(JsonObject node, string name) => node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
