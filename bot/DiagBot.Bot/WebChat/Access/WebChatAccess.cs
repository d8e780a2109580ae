using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace DiagBot.Bot.WebChat.Access;

/// <summary>
/// Who may use the web chat: everyone in the sandbox; in live mode only a signed-in user (the bot's own OpenID Connect
/// sign-in with a cookie session, or the ALB's signed claims), and when AllowedGroups or AllowedEmails are set, only those.
/// </summary>
internal static class WebChatAccess
{
    public const string Policy = "webchat";
    public const string AlbScheme = "alb-oidc";
    public const string EmailClaim = "email";
    public const string GroupsClaim = "groups";
    public const string CookieName = "diagbot.webchat";
    public const string ApiPrefix = "/webchat/api";

    public static IServiceCollection AddWebChatAccess(this IServiceCollection services, WebChatOptions options)
    {
        services.AddSingleton(options);
        if (!options.RequiresSignIn)
        {
            return services;
        }

        if (options.Auth == WebChatAuth.Oidc)
        {
            AddOidc(services, options.Oidc!);
        }
        else
        {
            services.AddHttpClient<AlbPublicKeys>(client => client.Timeout = TimeSpan.FromSeconds(5));
            services.AddSingleton<AlbOidcToken>();
            services.AddAuthentication(AlbScheme).AddScheme<AuthenticationSchemeOptions, AlbOidcHandler>(AlbScheme, configureOptions: null);
        }

        services.AddAuthorization(authorization => authorization.AddPolicy(Policy, policy =>
            policy.RequireAuthenticatedUser().RequireAssertion(context => IsAllowed(context.User, options))));
        return services;
    }

    /// <summary>The signed-in user as the audit line names them: the email, else the name, else the subject.</summary>
    public static string? UserOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? user.FindFirst(EmailClaim)?.Value ?? user.FindFirst("preferred_username")?.Value ?? user.FindFirst("name")?.Value ?? user.FindFirst("sub")?.Value
        : null;

    private static bool IsAllowed(ClaimsPrincipal user, WebChatOptions options)
    {
        if (options.AllowedGroups.Count == 0 && options.AllowedEmails.Count == 0)
        {
            return true;
        }

        return user.FindAll(GroupsClaim).Any(claim => options.AllowedGroups.Contains(claim.Value, StringComparer.Ordinal))
            || user.FindAll(EmailClaim).Any(claim => options.AllowedEmails.Contains(claim.Value, StringComparer.OrdinalIgnoreCase));
    }

    private static void AddOidc(IServiceCollection services, OidcSettings settings)
    {
        services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                authentication.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);

                // The page's script asks the API: it needs a status, not a redirect to a sign-in page.
                cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = settings.Authority.AbsoluteUri;
                oidc.ClientId = settings.ClientId;
                oidc.ClientSecret = settings.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.Scope.Add("email");
                oidc.MapInboundClaims = false;
                oidc.SaveTokens = false;
                oidc.RequireHttpsMetadata = settings.Authority.Scheme == Uri.UriSchemeHttps;
                oidc.TokenValidationParameters.NameClaimType = EmailClaim;
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    if (context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal))
                    {
                        context.HandleResponse();
                        return Status(context.Response, StatusCodes.Status401Unauthorized);
                    }

                    return Task.CompletedTask;
                };

                // A sign-in that fails (forged or stale state, a token the provider did not issue for us) is the
                // caller's problem: 401 with the reason in the log, not an unhandled 500.
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("DiagBot.WebChat")
                        .LogWarning("Web chat sign-in from {Address} refused: {Reason}", context.HttpContext.Connection.RemoteIpAddress, context.Failure?.Message);
                    context.HandleResponse();
                    return Status(context.Response, StatusCodes.Status401Unauthorized);
                };
            });
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
