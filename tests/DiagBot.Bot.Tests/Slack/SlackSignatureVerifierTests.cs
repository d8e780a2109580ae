using System.Text;
using DiagBot.Bot.Slack;
using Microsoft.Extensions.Time.Testing;

namespace DiagBot.Bot.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's worked example from "Verifying requests from Slack" (api.slack.com/authentication/verifying-requests-from-slack).
    private const string ExampleSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string ExampleTimestamp = "1531420618";
    private const string ExampleBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string ExampleSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset ExampleTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Compute_SlacksWorkedExample_GivesThePublishedSignature() =>
        Assert.Equal(ExampleSignature, SlackSignatureVerifier.Compute(ExampleSecret, ExampleTimestamp, Encoding.UTF8.GetBytes(ExampleBody)));

    [Fact]
    public void Verify_SlacksWorkedExampleAtItsTime_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, CreateSut(ExampleTime).Verify(ExampleTimestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody)));

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void Verify_WithinFiveMinutes_IsValid(int secondsAway) =>
        Assert.Equal(SignatureCheck.Valid, CreateSut(ExampleTime.AddSeconds(secondsAway)).Verify(ExampleTimestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody)));

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(86400)]
    public void Verify_MoreThanFiveMinutesAway_IsStale(int secondsAway) =>
        Assert.Equal(SignatureCheck.StaleTimestamp, CreateSut(ExampleTime.AddSeconds(secondsAway)).Verify(ExampleTimestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody)));

    [Fact]
    public void Verify_BodyChangedByOneCharacter_IsBadSignature() =>
        Assert.Equal(SignatureCheck.BadSignature, CreateSut(ExampleTime).Verify(ExampleTimestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody.Replace("text=", "text=x", StringComparison.Ordinal))));

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=")]
    public void Verify_OtherSignature_IsBadSignature(string signature) =>
        Assert.Equal(SignatureCheck.BadSignature, CreateSut(ExampleTime).Verify(ExampleTimestamp, signature, Encoding.UTF8.GetBytes(ExampleBody)));

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsBadSignature()
    {
        var forged = SlackSignatureVerifier.Compute("not-the-secret", ExampleTimestamp, Encoding.UTF8.GetBytes(ExampleBody));

        Assert.Equal(SignatureCheck.BadSignature, CreateSut(ExampleTime).Verify(ExampleTimestamp, forged, Encoding.UTF8.GetBytes(ExampleBody)));
    }

    [Theory]
    [InlineData(null, ExampleSignature)]
    [InlineData(ExampleTimestamp, null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_IsMissingHeaders(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.MissingHeaders, CreateSut(ExampleTime).Verify(timestamp, signature, Encoding.UTF8.GetBytes(ExampleBody)));

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("soon")]
    public void Verify_TimestampNotWholeSeconds_IsBadSignature(string timestamp) =>
        Assert.Equal(SignatureCheck.BadSignature, CreateSut(ExampleTime).Verify(timestamp, ExampleSignature, Encoding.UTF8.GetBytes(ExampleBody)));

    private static SlackSignatureVerifier CreateSut(DateTimeOffset now) =>
        new(new SlackOptions { SigningSecret = ExampleSecret, BotToken = "xoxb-test" }, new FakeTimeProvider(now));
}
