using System.Text.Json;
using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.CloudTrail;

[Collection(SandboxReads.Name)]
public sealed class CloudTrailTests(SandboxFixture fixture)
{
    private const string LookupEvents = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

    [Fact]
    public async Task LookupEvents_ByEventName_ReturnsPascalCaseEventWithRecordJson()
    {
        var reply = await fixture.CreateClient().JsonAsync("cloudtrail", LookupEvents,
            new { LookupAttributes = new[] { new { AttributeKey = "EventName", AttributeValue = "GenerateDataKey" } } });

        var trailEvent = reply.Json.GetProperty("Events")[0];
        Assert.Equal("kms.amazonaws.com", trailEvent.GetProperty("EventSource").GetString());
        Assert.Equal(JsonValueKind.Number, trailEvent.GetProperty("EventTime").ValueKind);
        var record = JsonDocument.Parse(trailEvent.GetProperty("CloudTrailEvent").GetString()!).RootElement;
        Assert.Equal("AccessDenied", record.GetProperty("errorCode").GetString());
        Assert.Contains("assumed-role/report-exporter-task-role/", record.GetProperty("userIdentity").GetProperty("arn").GetString());
        Assert.Equal("AssumedRole", record.GetProperty("userIdentity").GetProperty("type").GetString());
    }

    [Fact]
    public async Task LookupEvents_TwoAttributes_IsInvalidLookupAttributes()
    {
        var reply = await fixture.CreateClient().JsonAsync("cloudtrail", LookupEvents, new
        {
            LookupAttributes = new[] { new { AttributeKey = "EventName", AttributeValue = "A" }, new { AttributeKey = "Username", AttributeValue = "B" } },
        });

        Assert.Equal("InvalidLookupAttributesException", reply.ErrorType);
    }
}
