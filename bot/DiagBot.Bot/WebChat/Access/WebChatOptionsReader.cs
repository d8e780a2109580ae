using DiagBot.Bot.Hosting;
using DiagBot.Diagnostics.Aws;

namespace DiagBot.Bot.WebChat.Access;

/// <summary>Reads `DiagBot:WebChat:*` and refuses, at start-up, a live web chat nobody has to sign in to.</summary>
internal static class WebChatOptionsReader
{
    private const string Where = "Set it in appsettings.json or as an environment variable (DiagBot__WebChat__...).";

    public static WebChatOptions Read(IConfiguration configuration, BotMode mode)
    {
        var section = configuration.GetSection(WebChatOptions.Section);
        var enabled = Flag(section, "Enabled") ?? mode == BotMode.Sandbox;
        var auth = ReadAuth(section);
        if (!enabled)
        {
            return new WebChatOptions { Enabled = false, Auth = auth };
        }

        if (mode == BotMode.Live && auth == WebChatAuth.None)
        {
            throw new InvalidConfigurationException(
                $"{WebChatOptions.Section}:Enabled is true in live mode but {WebChatOptions.Section}:Auth is not set: anyone reaching the page could diagnose "
                + $"production with the bot's role. Set {WebChatOptions.Section}:Auth to 'oidc' or 'alb-oidc', or {WebChatOptions.Section}:Enabled to false. {Where}");
        }

        return new WebChatOptions
        {
            Enabled = true,
            Auth = auth,
            Oidc = auth == WebChatAuth.Oidc ? ReadOidc(section.GetSection("Oidc")) : null,
            Alb = auth == WebChatAuth.AlbOidc ? ReadAlb(section.GetSection("Alb")) : null,
            AllowedGroups = List(section, "AllowedGroups"),
            AllowedEmails = List(section, "AllowedEmails"),
        };
    }

    private static WebChatAuth ReadAuth(IConfigurationSection section) => Value(section, "Auth")?.ToLowerInvariant() switch
    {
        null or "none" => WebChatAuth.None,
        "oidc" => WebChatAuth.Oidc,
        "alb-oidc" => WebChatAuth.AlbOidc,
        var other => throw new InvalidConfigurationException(
            $"{WebChatOptions.Section}:Auth is '{other}'; it must be 'oidc' (the bot signs users in) or 'alb-oidc' (the load balancer's authenticate-oidc action). {Where}"),
    };

    private static OidcSettings ReadOidc(IConfigurationSection section)
    {
        var authority = Required(section, "Authority", "the OpenID Connect issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0");
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !SecureOrLoopback(uri))
        {
            throw new InvalidConfigurationException($"{section.Path}:Authority is '{authority}'; it must be an https URL. {Where}");
        }

        return new OidcSettings(uri, Required(section, "ClientId", "the client id registered with the provider"), Required(section, "ClientSecret", "the client secret"));
    }

    private static AlbSettings ReadAlb(IConfigurationSection section)
    {
        var arn = Required(section, "LoadBalancerArn", "the ARN of the load balancer whose authenticate-oidc action signs x-amzn-oidc-data");
        if (!Arn.TryParse(arn, out var parsed) || parsed.Service != "elasticloadbalancing" || !parsed.Resource.StartsWith("loadbalancer/app/", StringComparison.Ordinal))
        {
            throw new InvalidConfigurationException(
                $"{section.Path}:LoadBalancerArn is '{arn}'; it must be an Application Load Balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>). {Where}");
        }

        var endpoint = Value(section, "PublicKeyEndpoint") is { } configured
            ? Uri.TryCreate(configured, UriKind.Absolute, out var given) && SecureOrLoopback(given) ? given
                : throw new InvalidConfigurationException($"{section.Path}:PublicKeyEndpoint is '{configured}'; it must be an https URL. {Where}")
            : AlbPublicKeys.RegionalEndpoint(parsed.Region);
        return new AlbSettings(arn, parsed.Region, endpoint);
    }

    // Plain http only to a loopback address: the tests' own provider and key server.
    private static bool SecureOrLoopback(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    private static string Required(IConfigurationSection section, string key, string what) =>
        Value(section, key) ?? throw new InvalidConfigurationException($"{section.Path}:{key} is not set: it is {what}. {Where}");

    private static bool? Flag(IConfigurationSection section, string key) => Value(section, key) is { } text
        ? bool.TryParse(text, out var flag) ? flag : throw new InvalidConfigurationException($"{section.Path}:{key} is '{text}'; it must be true or false. {Where}")
        : null;

    private static IReadOnlyList<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Get<string[]>() ?? (child.Value is { } single ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []);
        return [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim())];
    }

    private static string? Value(IConfigurationSection section, string key) => section[key]?.Trim() is { Length: > 0 } value ? value : null;
}
