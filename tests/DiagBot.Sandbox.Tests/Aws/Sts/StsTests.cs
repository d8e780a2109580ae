using DiagBot.Sandbox.Tests.Support;

namespace DiagBot.Sandbox.Tests.Aws.Sts;

[Collection(SandboxReads.Name)]
public sealed class StsTests(SandboxFixture fixture)
{
    [Fact]
    public async Task GetCallerIdentity_DefaultKey_NamesTheSandboxAccount()
    {
        var reply = await fixture.CreateClient().QueryAsync("sts", AwsForms.Action("GetCallerIdentity", "2011-06-15"));

        Assert.Equal("111122223333", reply.Value("Account"));
        Assert.Contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>", reply.Body);
    }

    [Fact]
    public async Task AssumeRole_TemporaryKeyWithoutItsToken_IsRejected()
    {
        var assumed = await fixture.CreateClient().QueryAsync("sts", AwsForms.Action("AssumeRole", "2011-06-15",
            ("RoleArn", "arn:aws:iam::444455556666:role/diagbot-read"), ("RoleSessionName", "test")));

        var withoutToken = new AwsTestClient(fixture.Server) { AccessKeyOverride = assumed.Value("AccessKeyId"), SecretOverride = assumed.Value("SecretAccessKey") };
        var reply = await withoutToken.QueryAsync("sts", AwsForms.Action("GetCallerIdentity", "2011-06-15"));

        Assert.Equal("InvalidClientTokenId", reply.Value("Code"));
    }
}
