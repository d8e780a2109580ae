using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DiagBot.Bot.Tests.Teams.Fakes;

namespace DiagBot.Bot.Tests.Teams;

public sealed class TeamsCertificateCredentialTests : IAsyncLifetime
{
    private readonly string _pfxPath = Path.Combine(Path.GetTempPath(), $"diagbot-teams-{Guid.NewGuid():N}.pfx");
    private TeamsBotHarness _harness = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = new CertificateRequest("CN=DiagBot test client", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        await File.WriteAllBytesAsync(_pfxPath, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        _harness = await TeamsBotHarness.StartAsync($"--DiagBot:Teams:CertificatePath={_pfxPath}", "--DiagBot:Teams:CertificatePassword=pfx-password");
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        File.Delete(_pfxPath);
    }

    [Fact]
    public async Task Reply_CertificateConfigured_AsksForTheTokenWithASignedAssertionNotTheSecret()
    {
        await _harness.PostAsync(_harness.Activity(TeamsFixtures.PersonalMessage, "help"), _harness.Token());

        var reply = await _harness.Connector.NextAsync(call => call.ActivityType == "message");

        Assert.Equal($"Bearer {FakeIdentityServer.AccessToken}", reply.Authorization);
        var request = Assert.Single(_harness.Identity.TokenRequests);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", request["client_assertion_type"]);
        Assert.False(request.ContainsKey("client_secret"));
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
    }
}
