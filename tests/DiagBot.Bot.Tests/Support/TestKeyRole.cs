namespace DiagBot.Bot.Tests.Support;

/// <summary>Who holds a test key: a fake's trusted key and the strangers that must not be trusted in its place.</summary>
internal enum TestKeyRole
{
    TeamsPublished,
    TeamsStranger,
    TeamsSecond,
    OidcProvider,
    OidcStranger,
    SnsSigning,
}
