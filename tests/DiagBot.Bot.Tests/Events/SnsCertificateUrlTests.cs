using DiagBot.Bot.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace DiagBot.Bot.Tests.Events;

public sealed class SnsCertificateUrlTests
{
    private const string Topic = "arn:aws:sns:us-west-2:111122223333:ecs-events";

    [Theory]
    [InlineData("https://sns.us-west-2.amazonaws.com/SimpleNotificationService-abc.pem", true)]
    [InlineData("http://sns.us-west-2.amazonaws.com/SimpleNotificationService-abc.pem", false)]
    [InlineData("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem", false)]
    [InlineData("https://sns.us-west-2.amazonaws.com.evil.example/cert.pem", false)]
    [InlineData("https://evil.example/sns.us-west-2.amazonaws.com.pem", false)]
    [InlineData("https://user@sns.us-west-2.amazonaws.com/SimpleNotificationService-abc.pem", false)]
    [InlineData("not a url", false)]
    public void IsAllowedUrl_DefaultSettings_OnlySnsOverHttpsInTheTopicsRegion(string url, bool allowed)
    {
        using var http = new HttpClient();
        var sut = new SnsSignatureVerifier(http, new EventsOptions(), NullLogger<SnsSignatureVerifier>.Instance);

        Assert.Equal(allowed, sut.IsAllowedUrl(url, Topic, out _));
    }
}
