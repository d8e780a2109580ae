using System.Text.Json.Nodes;
using DiagBot.Bot.Events;

namespace DiagBot.Bot.Tests.Events;

/// <summary>What the intake answers for a wrong event: the one thing wrong, in words.</summary>
public sealed class EcsEventReaderTests
{
    [Fact]
    public void Read_DocumentedEvent_IsAcceptedWithoutError()
    {
        var (ecsEvent, error) = EcsEventReader.Read(EventFixtures.Json(EventFixtures.TaskFailed));

        Assert.Null(error);
        Assert.Equal("ECS Task State Change", ecsEvent!.DetailType);
    }

    [Theory]
    [InlineData("resources", "[\"arn:aws-cn:ecs:us-west-2:111122223333:task/FargateCluster/c13b\"]", "resources[0] 'arn:aws-cn:ecs:us-west-2:111122223333:task/FargateCluster/c13b' is not an ECS ARN of this event's partition aws, region us-west-2 and account 111122223333.")]
    [InlineData("resources", "[\"task/FargateCluster/c13b\"]", "resources[0] 'task/FargateCluster/c13b' is not an ARN (arn:partition:service:region:account:resource).")]
    [InlineData("resources", "[1]", "\"resources\" must be an array of ARN strings.")]
    [InlineData("account", "\"1111-2222-3333\"", "\"account\" '1111-2222-3333' is not a 12-digit AWS account id.")]
    [InlineData("region", "\"\"", "The event has no \"region\" string; EventBridge events carry id, detail-type, account, region and detail.")]
    [InlineData("detail", "\"STOPPED\"", "The event has no \"detail\" object.")]
    public void Read_WrongField_SaysWhatIsWrong(string field, string json, string expected)
    {
        var root = JsonNode.Parse(EventFixtures.Json(EventFixtures.TaskFailed))!.AsObject();
        root[field] = JsonNode.Parse(json);

        Assert.Equal(expected, EcsEventReader.Read(root.ToJsonString()).Error);
    }

    [Fact]
    public void Read_ChinaEventWithChinaArns_IsAccepted()
    {
        var json = EventFixtures.Json(EventFixtures.TaskFailed).Replace("arn:aws:", "arn:aws-cn:", StringComparison.Ordinal).Replace("us-west-2", "cn-north-1", StringComparison.Ordinal);

        Assert.Null(EcsEventReader.Read(json).Error);
    }

    [Fact]
    public void Read_NestedPast64Levels_IsNotJson()
    {
        var error = EcsEventReader.Read(new string('[', 100) + new string(']', 100)).Error;

        Assert.StartsWith("The body is not JSON: ", error, StringComparison.Ordinal);
    }
}
