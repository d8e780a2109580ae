using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DiagBot.Bot.WebChat.Access;

/// <summary>The `alb-oidc` scheme: a request is signed in when its `x-amzn-oidc-data` verifies; nothing else counts.</summary>
internal sealed class AlbOidcHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, AlbOidcToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[AlbOidcToken.Header].ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var (user, refusal) = await token.VerifyAsync(header, Context.RequestAborted).ConfigureAwait(false);
        if (user is null)
        {
            Logger.LogWarning("Web chat request from {Address} refused: its {Header} {Refusal}", Context.Connection.RemoteIpAddress, AlbOidcToken.Header, refusal);
            return AuthenticateResult.Fail($"{AlbOidcToken.Header}: {refusal}");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(user, Scheme.Name));
    }
}
