using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Events;

public sealed class SnsEndpointTests : IAsyncLifetime
{
    private FakeSnsHost _sns = null!;
    private RunningBot _bot = null!;

    public async Task InitializeAsync()
    {
        _sns = await FakeSnsHost.StartAsync();

        // The test's loopback host stands in for sns.<region>.amazonaws.com; nothing else is allowed.
        _bot = await RunningBot.StartAsync(@"--DiagBot:Events:Sns:CertificateHostPattern=^127\.0\.0\.1$", "--DiagBot:Events:Sns:CertificateScheme=http",
            "--DiagBot:Events:Sns:Topics:0=" + FakeSnsHost.TopicArn, EventFixtures.FixtureRegionSetting);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _sns.DisposeAsync();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public async Task Post_SignedNotification_IsAccepted(string signatureVersion)
    {
        using var response = await PostAsync(_sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), signatureVersion));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Post_ForgedMessage_IsRefused()
    {
        var signed = JsonNode.Parse(_sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), "2"))!;
        signed["Message"] = EventFixtures.Json(EventFixtures.PlacementFailure);

        using var response = await PostAsync(signed.ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_CertificateUrlOnAnotherHost_IsRefused()
    {
        var elsewhere = new UriBuilder(_sns.CertificateUrl) { Host = "localhost" }.Uri;

        using var response = await PostAsync(_sns.Notification(EventFixtures.Json(EventFixtures.TaskFailed), "2", elsewhere));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_SubscriptionConfirmation_VisitsSubscribeUrlOnlyWhenVerified()
    {
        var forged = JsonNode.Parse(_sns.SubscriptionConfirmation())!;
        forged["Token"] = "other";
        using var refused = await PostAsync(forged.ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, _sns.Confirmations);

        using var confirmed = await PostAsync(_sns.SubscriptionConfirmation());

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(1, _sns.Confirmations);
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _bot.Client.PostAsync("events/sns", new StringContent(body, Encoding.UTF8, "text/plain"));
}
