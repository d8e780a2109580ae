using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Teams;

/// <summary>Reads and checks `DiagBot:Teams:*` at start-up; a wrong setting stops start-up with its name.</summary>
internal static class TeamsOptionsReader
{
    private const string Where = "Set it in appsettings.json or as an environment variable (DiagBot__Teams__...).";

    public static TeamsOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.Section);
        var appId = Value(section, "AppId");
        if (appId is null)
        {
            return TeamsOptions.Off;
        }

        var password = Value(section, "AppPassword");
        var certificate = Value(section, "CertificatePath");
        if (password is null && certificate is null)
        {
            throw new InvalidConfigurationException(
                $"{TeamsOptions.Section}:AppId is set but neither {TeamsOptions.Section}:AppPassword nor {TeamsOptions.Section}:CertificatePath is: the bot needs one to reply. {Where}");
        }

        if (certificate is not null && !File.Exists(certificate))
        {
            throw new InvalidConfigurationException($"{TeamsOptions.Section}:CertificatePath '{certificate}' does not exist. {Where}");
        }

        var tenantId = Value(section, "TenantId");
        var tokenEndpoint = HttpsUri(section, "TokenEndpoint") ?? TeamsOptions.DefaultTokenEndpoint(tenantId);
        if (!tokenEndpoint.AbsolutePath.EndsWith(TeamsOptions.TokenPathSuffix, StringComparison.Ordinal))
        {
            throw new InvalidConfigurationException(
                $"{TeamsOptions.Section}:TokenEndpoint '{tokenEndpoint}' must be an Entra v2 token endpoint ending in {TeamsOptions.TokenPathSuffix}. {Where}");
        }

        return new TeamsOptions
        {
            AppId = appId,
            AppPassword = password,
            CertificatePath = certificate,
            CertificatePassword = Value(section, "CertificatePassword"),
            TenantId = tenantId,
            OpenIdMetadataUrl = HttpsUri(section, "OpenIdMetadataUrl") ?? TeamsOptions.DefaultOpenIdMetadataUrl,
            TokenEndpoint = tokenEndpoint,
            IncidentConversation = Value(section, "IncidentConversation"),
            AllowedTeams = List(section, nameof(TeamsOptions.AllowedTeams)),
            AllowedConversations = List(section, nameof(TeamsOptions.AllowedConversations)),
            AllowedUsers = List(section, nameof(TeamsOptions.AllowedUsers)),
            SendBudget = Duration(section, "SendBudget") ?? TeamsOptions.Off.SendBudget,
            RetryBaseDelay = Duration(section, "RetryBaseDelay") ?? TeamsOptions.Off.RetryBaseDelay,
        };
    }

    private static IReadOnlyList<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Get<string[]>() ?? (child.Value is { } text ? text.Split(',') : []);
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }

    private static string? Value(IConfigurationSection section, string key)
    {
        var value = section[key]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    // Tokens and signing keys only ever travel over TLS; the tests serve their fakes over loopback TLS too.
    private static Uri? HttpsUri(IConfigurationSection section, string key)
    {
        var value = Value(section, key);
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidConfigurationException($"{TeamsOptions.Section}:{key} is '{value}'; it must be an https URL. {Where}");
        }

        return uri;
    }

    private static TimeSpan? Duration(IConfigurationSection section, string key)
    {
        var value = Value(section, key);
        if (value is null)
        {
            return null;
        }

        if (!TimeSpan.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var duration) || duration < TimeSpan.Zero)
        {
            throw new InvalidConfigurationException($"{TeamsOptions.Section}:{key} is '{value}'; it must be a duration such as 00:00:30. {Where}");
        }

        return duration;
    }
}
