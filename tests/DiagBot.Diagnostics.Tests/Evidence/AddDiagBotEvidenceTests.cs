using DiagBot.Diagnostics.Aws;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Diagnostics.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace DiagBot.Diagnostics.Tests.Evidence;

public sealed class AddDiagBotEvidenceTests
{
    [Fact]
    public void AddDiagBotEvidence_ValidSettings_RegistersSessionFactory()
    {
        using var services = EvidenceHarness.Build(new Dictionary<string, string?> { ["DiagBot:Aws:Region"] = "eu-west-1" });

        var session = services.GetRequiredService<IEvidenceSessionFactory>().StartSession();

        Assert.NotNull(session.Ecs);
    }

    [Fact]
    public void StartSession_SeveralAccountsAndRegions_ScopesAreTheDefaultThenEveryOtherOnce()
    {
        using var services = EvidenceHarness.Build(new Dictionary<string, string?>
        {
            ["DiagBot:Aws:Region"] = "eu-west-1",
            ["DiagBot:Aws:Accounts:0:AccountId"] = "111122223333",
            ["DiagBot:Aws:Accounts:0:Regions:0"] = "eu-west-1",
            ["DiagBot:Aws:Accounts:0:Regions:1"] = "us-east-1",
            ["DiagBot:Aws:Accounts:1:AccountId"] = "444455556666",
            ["DiagBot:Aws:Accounts:1:RoleArn"] = "arn:aws:iam::444455556666:role/diagbot-read",
        });

        var scopes = services.GetRequiredService<IEvidenceSessionFactory>().StartSession().Scopes;

        // The first account in the default region is the default scope itself, so it is not searched twice.
        Assert.Equal([AwsScope.Default, new AwsScope("111122223333", "us-east-1"), new AwsScope("444455556666", "eu-west-1")], scopes);
    }

    [Theory]
    [InlineData("DiagBot:Aws:EndpointUrl", "not a url", "DiagBot:Aws:EndpointUrl")]
    [InlineData("DiagBot:Aws:Endpoints:ecs", "ftp://x", "DiagBot:Aws:Endpoints:ecs")]
    [InlineData("DiagBot:Aws:CallTimeout", "00:00:00", "DiagBot:Aws:CallTimeout")]
    [InlineData("DiagBot:Aws:DiagnosisBudget", "00:00:01", "DiagBot:Aws:DiagnosisBudget")]
    [InlineData("DiagBot:Aws:Accounts:0:AccountId", "12345", "DiagBot:Aws:Accounts:0:AccountId")]
    [InlineData("DiagBot:Aws:Accounts:0:RoleArn", "arn:aws:s3:::bucket", "DiagBot:Aws:Accounts:0:RoleArn")]
    [InlineData("DiagBot:Kubernetes:Clusters:0:WatchNamespaces:0", "Orders_NS", "DiagBot:Kubernetes:Clusters:0:WatchNamespaces has 'Orders_NS'")]
    public void AddDiagBotEvidence_BadSetting_FailsNamingIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DiagBot:Aws:Region"] = "eu-west-1",
            ["DiagBot:Aws:Accounts:0:AccountId"] = "111122223333",
            [key] = value,
        };

        var error = Assert.Throws<InvalidOperationException>(() => EvidenceHarness.Build(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
