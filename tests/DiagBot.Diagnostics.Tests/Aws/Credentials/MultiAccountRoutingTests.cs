using DiagBot.Diagnostics.Ecs;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Aws.Credentials;

/// <summary>An ARN picks its account; an account with a role is read with that role's credentials.</summary>
public sealed class MultiAccountRoutingTests : IAsyncLifetime
{
    private const string AccountA = "111122223333";
    private const string AccountB = "444455556666";
    private const string RoleB = "arn:aws:iam::444455556666:role/diagbot-read";
    private FakeAwsServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeAwsServer.StartAsync();
        _server.Reply = r => r.Target is null ? AssumeRoleAnswer() : FakeReply.Json(200, """{"tasks":[],"failures":[]}""");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DescribeTask_ArnInAccountB_SignedWithAccountBsAssumedRole()
    {
        await CreateSession().Ecs.DescribeTaskAsync(Ref(AccountB), CancellationToken.None);

        var assume = Assert.Single(_server.Requests, r => r.Target is null);
        Assert.Equal("AssumeRole", assume.Form["Action"]);
        Assert.Equal(RoleB, assume.Form["RoleArn"]);
        Assert.Equal("ext-42", assume.Form["ExternalId"]);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={EvidenceHarness.AccessKeyId}/", assume.Headers["Authorization"], StringComparison.Ordinal);
        var ecs = Assert.Single(_server.Requests, r => r.Target is not null);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAASSUMEDROLEB0001/", ecs.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("session-token-b", ecs.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task DescribeTask_ArnInAccountA_SignedWithBaseCredentials()
    {
        await CreateSession().Ecs.DescribeTaskAsync(Ref(AccountA), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={EvidenceHarness.AccessKeyId}/", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeTask_TwoCallsToAccountB_RoleAssumedOnce()
    {
        var factory = CreateFactory();

        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(AccountB), CancellationToken.None);
        await factory.StartSession().Ecs.DescribeTaskAsync(Ref(AccountB), CancellationToken.None);

        Assert.Single(_server.Requests, r => r.Target is null);
    }

    [Fact]
    public async Task DescribeTask_RoleCannotBeAssumed_GapNamesTheRole()
    {
        _server.Reply = r => r.Target is null
            ? FakeReply.Xml(403, "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform sts:AssumeRole</Message></Error><RequestId>1</RequestId></ErrorResponse>")
            : FakeReply.Json(200, """{"tasks":[],"failures":[]}""");

        var result = await CreateSession().Ecs.DescribeTaskAsync(Ref(AccountB), CancellationToken.None);

        Assert.Equal(GapReason.AccessDenied, result.Gap!.Reason);
        Assert.Contains(RoleB, result.Gap.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.Target is not null);
    }

    private static FakeReply AssumeRoleAnswer() => FakeReply.Xml(200, $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser><Arn>arn:aws:sts::444455556666:assumed-role/diagbot-read/diagbot</Arn><AssumedRoleId>AROAEXAMPLE:diagbot</AssumedRoleId></AssumedRoleUser>
            <Credentials>
              <AccessKeyId>ASIAASSUMEDROLEB0001</AccessKeyId>
              <SecretAccessKey>assumed/secret</SecretAccessKey>
              <SessionToken>session-token-b</SessionToken>
              <Expiration>{DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """);

    private IEvidenceSource CreateSession() => CreateFactory().StartSession();

    private IEvidenceSessionFactory CreateFactory()
    {
        var settings = EvidenceHarness.Settings(
            _server.BaseAddress,
            ("DiagBot:Aws:Accounts:0:AccountId", AccountA),
            ("DiagBot:Aws:Accounts:1:AccountId", AccountB),
            ("DiagBot:Aws:Accounts:1:RoleArn", RoleB),
            ("DiagBot:Aws:Accounts:1:ExternalId", "ext-42"));
        return EvidenceHarness.Build(settings).GetRequiredService<IEvidenceSessionFactory>();
    }

    private static EcsTaskRef Ref(string account) =>
        EcsTaskRef.TryParse($"arn:aws:ecs:us-east-1:{account}:task/prod/0123456789abcdef0123456789abcdef", out var task) ? task : throw new InvalidOperationException();
}
