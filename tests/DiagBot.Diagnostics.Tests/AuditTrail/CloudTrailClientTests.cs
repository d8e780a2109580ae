using System.Text.Json;
using DiagBot.Diagnostics.AuditTrail;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.AuditTrail;

/// <summary>The CloudTrail client against a loopback server answering documented bodies.</summary>
public sealed class CloudTrailClientTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task LookupEvents_SendsTargetAndPascalCaseLookupAttributes()
    {
        _server.Reply = _ => FakeReply.Json(200, """{"Events":[]}""");
        var query = new AuditQuery
        {
            AttributeKey = AuditLookupAttribute.EventName,
            AttributeValue = "GetSecretValue",
            StartTime = DateTimeOffset.FromUnixTimeSeconds(1_764_130_000),
            MaxEvents = 20,
        };

        await CreateSut().LookupEventsAsync(query, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", request.Target);
        Assert.Contains("/us-east-1/cloudtrail/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var attribute = body.RootElement.GetProperty("LookupAttributes")[0];
        Assert.Equal("EventName", attribute.GetProperty("AttributeKey").GetString());
        Assert.Equal("GetSecretValue", attribute.GetProperty("AttributeValue").GetString());
        Assert.Equal(1_764_130_000, body.RootElement.GetProperty("StartTime").GetDouble());
        Assert.Equal(20, body.RootElement.GetProperty("MaxResults").GetInt32());
    }

    [Fact]
    public async Task LookupEvents_CloudTrailEventRecord_ReadsDenialAndRoleBehindTheSession()
    {
        _server.Reply = _ => FakeReply.Json(200, Fixture.Read("cloudtrail-lookup-events.json"));

        var result = await CreateSut().LookupEventsAsync(Query(), CancellationToken.None);

        var events = result.Value!;
        Assert.Equal(2, events.Count);
        var denied = events[0];
        Assert.True(denied.IsDenied);
        Assert.Equal("arn:aws:iam::111122223333:role/ecsTaskExecutionRole", denied.SessionIssuerArn);
        Assert.StartsWith("arn:aws:sts::111122223333:assumed-role/ecsTaskExecutionRole/", denied.PrincipalArn, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764139990), denied.EventTime);
        Assert.Contains("secretId", denied.RequestParameters, StringComparison.Ordinal);
        Assert.Equal("AWS::SecretsManager::Secret", Assert.Single(denied.Resources).ResourceType);
        Assert.Null(events[1].ErrorCode);
        Assert.False(events[1].IsDenied);
    }

    [Fact]
    public async Task LookupEvents_NextToken_FollowsPagesUpToMaxEvents()
    {
        var page = 0;
        _server.Reply = _ => FakeReply.Json(200, $$"""{"Events":[{"EventId":"e{{++page}}","EventName":"X"}],"NextToken":"t{{page}}"}""");

        var result = await CreateSut().LookupEventsAsync(Query() with { MaxEvents = 3 }, CancellationToken.None);

        Assert.Equal(["e1", "e2", "e3"], result.Value!.Select(e => e.EventId));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task LookupEvents_AccessDenied_NamesCloudTrailAction()
    {
        _server.Reply = _ => FakeReply.Error(400, "AccessDeniedException", "not authorized");

        var result = await CreateSut().LookupEventsAsync(Query(), CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.StartsWith("cloudtrail:LookupEvents denied", result.Gap.Detail, StringComparison.Ordinal);
    }

    private static AuditQuery Query() => new() { AttributeKey = AuditLookupAttribute.EventSource, AttributeValue = "secretsmanager.amazonaws.com" };

    private IAuditTrailEvidence CreateSut()
    {
        var services = EvidenceHarness.Build(EvidenceHarness.Settings(_server.BaseAddress));
        return services.GetRequiredService<IEvidenceSessionFactory>().StartSession().AuditTrail;
    }
}
