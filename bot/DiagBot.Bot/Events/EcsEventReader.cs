using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DiagBot.Bot.Hosting;
using DiagBot.Diagnostics.Aws;

namespace DiagBot.Bot.Events;

/// <summary>
/// An EventBridge event from its JSON, or the one thing wrong with it: not JSON (or nested past 64 levels), a
/// missing envelope field, an account or region that is not one, or an ARN that is malformed, not ECS's, or of
/// another partition, region or account than the event itself.
/// </summary>
internal static partial class EcsEventReader
{
    private const int MaxQuoted = 120;

    // IAM's documented upper bound for an ARN.
    private const int MaxArnLength = 2048;
    private static readonly string[] DetailArns = ["clusterArn", "taskArn", "serviceArn", "containerInstanceArn", "taskDefinitionArn"];

    public static (EcsEvent? Event, string? Error) Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: StrictJson.Document);
        }
        catch (JsonException exception)
        {
            return (null, "The body is not JSON: " + Clip(exception.Message));
        }

        if (root is not JsonObject envelope)
        {
            return (null, "The body is JSON but not an object; send the EventBridge event with id, detail-type, account, region and detail.");
        }

        foreach (var field in new[] { "id", "detail-type", "account", "region" })
        {
            if (envelope[field] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
            {
                return (null, $"The event has no \"{field}\" string; EventBridge events carry id, detail-type, account, region and detail.");
            }
        }

        if (envelope["detail"] is not JsonObject)
        {
            return (null, "The event has no \"detail\" object.");
        }

        if (envelope["resources"] is { } resources && (resources is not JsonArray list || list.Any(r => r is not JsonValue v || !v.TryGetValue<string>(out _))))
        {
            return (null, "\"resources\" must be an array of ARN strings.");
        }

        var ecsEvent = EcsEvent.From(envelope)!;
        return (ecsEvent, Validate(ecsEvent));
    }

    private static string? Validate(EcsEvent e)
    {
        if (!Account().IsMatch(e.Account))
        {
            return $"\"account\" '{Clip(e.Account)}' is not a 12-digit AWS account id.";
        }

        if (!Region().IsMatch(e.Region))
        {
            return $"\"region\" '{Clip(e.Region)}' is not an AWS region such as us-east-1.";
        }

        var partition = PartitionOf(e.Region);
        var arns = e.Resources.Select((arn, i) => ($"resources[{i}]", arn))
            .Concat(DetailArns.Select(name => ($"detail.{name}", e.Text(name))).Where(pair => pair.Item2 is not null).Select(pair => (pair.Item1, pair.Item2!)));
        foreach (var (where, text) in arns)
        {
            if (text.Length > MaxArnLength)
            {
                return $"{where} is {text.Length} characters long; an ARN has at most {MaxArnLength}.";
            }

            if (!Arn.TryParse(text, out var arn))
            {
                return $"{where} '{Clip(text)}' is not an ARN (arn:partition:service:region:account:resource).";
            }

            if (arn.Partition != partition || arn.Region != e.Region || arn.AccountId != e.Account || arn.Service != "ecs")
            {
                return $"{where} '{Clip(text)}' is not an ECS ARN of this event's partition {partition}, region {e.Region} and account {e.Account}.";
            }
        }

        return null;
    }

    /// <summary>The partition a region belongs to, as AWS names them.</summary>
    public static string PartitionOf(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.StartsWith("us-isof-", StringComparison.Ordinal) || region.StartsWith("eu-isof-", StringComparison.Ordinal) => "aws-iso-f",
        _ when region.StartsWith("eu-isoe-", StringComparison.Ordinal) => "aws-iso-e",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ when region.StartsWith("eusc-", StringComparison.Ordinal) => "aws-eusc",
        _ => "aws",
    };

    private static string Clip(string text) => text.Length > MaxQuoted ? text[..MaxQuoted] + "…" : text;

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Account();

    [GeneratedRegex("^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Region();
}
