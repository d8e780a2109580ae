using System.Net;
using System.Net.Http.Json;
using DiagBot.Bot.WebChat.Access;
using Microsoft.AspNetCore.WebUtilities;
using Xunit.Abstractions;

namespace DiagBot.Bot.Tests.Exposure;

/// <summary>
/// The web chat with the bot's own OpenID Connect sign-in (authorization code flow, cookie session): the page sends a
/// stranger to the provider, the API answers 401, and only an ID token the provider issued for this client, with the
/// nonce and state of this browser's sign-in, opens a session; the audit line names the signed-in user.
/// </summary>
public sealed class OidcSignInTests(ITestOutputHelper output)
{
    /// <summary>How many forged sign-ins and sessions the forged test tries (docs/security.md quotes it).</summary>
    public const int ForgedSignInCases = 10;

    [Fact]
    public async Task AStranger_IsSentToTheProviderFromThePage_AndRefusedByTheApi()
    {
        await using var provider = await FakeOidcProvider.StartAsync();
        await using var bot = await LiveBot.StartAsync(provider.Settings());
        using var browser = new Browser(bot.BaseAddress);

        using var page = await browser.GetAsync("/");
        using var api = await browser.GetAsync("/webchat/api/feed");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(provider.Issuer + "/authorize?", page.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task ASignedInUser_UsesTheWebChat_AndTheAuditLineNamesThem()
    {
        await using var provider = await FakeOidcProvider.StartAsync();
        await using var bot = await LiveBot.StartAsync(provider.Settings());
        using var audit = LiveBot.Capture(bot);
        using var browser = new Browser(bot.BaseAddress);

        var callback = await SignInAsync(browser, provider, nonce => provider.IssueCode(nonce, "oncall@example.com"));
        using var page = await browser.GetAsync("/");
        using var answer = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("webchat/api/messages", UriKind.Relative)) { Content = JsonContent.Create(new { text = "/diagnose arn:nope" }) });
        await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, callback);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("oncall@example.com", LiveBot.SingleAuditLine(audit)["Who"]);
    }

    [Fact]
    public async Task ASignedInUserNotInAllowedGroupsOrEmails_IsForbidden()
    {
        await using var provider = await FakeOidcProvider.StartAsync();
        await using var bot = await LiveBot.StartAsync(provider.Settings("--DiagBot:WebChat:AllowedEmails:0=oncall@example.com", "--DiagBot:WebChat:AllowedGroups:0=sre"));
        using var browser = new Browser(bot.BaseAddress);

        await SignInAsync(browser, provider, nonce => provider.IssueCode(nonce, "intern@example.com"));
        using var api = await browser.GetAsync("/webchat/api/feed");

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task ForgedSignInsAndSessions_OpenNoSession()
    {
        await using var provider = await FakeOidcProvider.StartAsync();
        await using var bot = await LiveBot.StartAsync(provider.Settings());
        var cases = new (string Name, Func<Browser, Task> Forge)[]
        {
            ("ID token from another issuer", b => SignInAsync(b, provider, n => provider.IssueCode(n, "x@example.com", issuer: "https://attacker.example"))),
            ("ID token for another client", b => SignInAsync(b, provider, n => provider.IssueCode(n, "x@example.com", audience: "someone-else"))),
            ("ID token signed by another key", b => SignInAsync(b, provider, n => provider.IssueCode(n, "x@example.com", foreignKey: true))),
            ("expired ID token", b => SignInAsync(b, provider, n => provider.IssueCode(n, "x@example.com", expired: true))),
            ("ID token with another sign-in's nonce", b => SignInAsync(b, provider, n => provider.IssueCode(n, "x@example.com", tokenNonce: "replayed-nonce"))),
            ("a code the provider never issued", b => SignInAsync(b, provider, _ => "made-up-code")),
            ("state changed on the way back", b => SignInAsync(b, provider, n => provider.IssueCode(n, "x@example.com"), state => state + "x")),
            ("callback without this browser's sign-in cookies", b => CallbackFromElsewhereAsync(b, provider)),
            ("made-up session cookie", b => { b.Cookies[WebChatAccess.CookieName] = "CfDJ8forged"; return Task.CompletedTask; }),
            ("no session at all", _ => Task.CompletedTask),
        };
        Assert.Equal(ForgedSignInCases, cases.Length);

        var admitted = new List<string>();
        foreach (var (name, forge) in cases)
        {
            using var browser = new Browser(bot.BaseAddress);
            await forge(browser);
            using var api = await browser.GetAsync("/webchat/api/feed");
            if (!Browser.Refused(api.StatusCode))
            {
                admitted.Add($"{name}: {(int)api.StatusCode}");
            }
        }

        output.WriteLine($"forged sign-ins tried: {cases.Length}, admitted: {admitted.Count}");
        Assert.Empty(admitted);
    }

    /// <summary>Page → provider (the test plays the user signing in) → the bot's callback; answers the callback's status.</summary>
    private static async Task<HttpStatusCode> SignInAsync(Browser browser, FakeOidcProvider provider, Func<string, string> issueCode, Func<string, string>? tamperState = null)
    {
        using var page = await browser.GetAsync("/");
        var query = QueryHelpers.ParseQuery(page.Headers.Location!.Query);
        var code = issueCode(query["nonce"].ToString());
        var state = query["state"].ToString();
        using var callback = await browser.PostFormAsync(new Uri(query["redirect_uri"].ToString()), new Dictionary<string, string> { ["code"] = code, ["state"] = tamperState?.Invoke(state) ?? state });
        Assert.True((int)callback.StatusCode < 500, $"the sign-in callback answered {(int)callback.StatusCode}");
        return callback.StatusCode;
    }

    // The attacker starts a sign-in in their own browser and sends the victim's browser its callback.
    private static async Task CallbackFromElsewhereAsync(Browser victim, FakeOidcProvider provider)
    {
        using var attacker = new Browser(victim.BaseAddressOf());
        using var page = await attacker.GetAsync("/");
        var query = QueryHelpers.ParseQuery(page.Headers.Location!.Query);
        var code = provider.IssueCode(query["nonce"].ToString(), "attacker@example.com");
        using var callback = await victim.PostFormAsync(new Uri(query["redirect_uri"].ToString()), new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"].ToString() });
        Assert.True((int)callback.StatusCode < 500, $"the sign-in callback answered {(int)callback.StatusCode}");
    }
}
