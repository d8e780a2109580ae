using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Slack;

/// <summary>Reads and validates `DiagBot:Slack:*` at start-up: a half-configured Slack stops start-up with the setting's name.</summary>
internal static class SlackOptionsReader
{
    private const string BotTokenPrefix = "xoxb-";
    private const string AppTokenPrefix = "xapp-";

    public static SlackOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        var signingSecret = Value(section, nameof(SlackOptions.SigningSecret));
        var botToken = Value(section, nameof(SlackOptions.BotToken));
        var appToken = Value(section, nameof(SlackOptions.AppToken));
        if (signingSecret is null && botToken is null && appToken is null)
        {
            return SlackOptions.Off;
        }

        if (botToken is null)
        {
            throw Missing(nameof(SlackOptions.BotToken), "the bot token (xoxb-...) from the app's OAuth & Permissions page");
        }

        if (signingSecret is null && appToken is null)
        {
            throw Missing(nameof(SlackOptions.SigningSecret), "the signing secret from the app's Basic Information page (or set DiagBot:Slack:AppToken for Socket Mode)");
        }

        RequirePrefix(nameof(SlackOptions.BotToken), botToken, BotTokenPrefix);
        if (appToken is not null)
        {
            RequirePrefix(nameof(SlackOptions.AppToken), appToken, AppTokenPrefix);
        }

        return new SlackOptions
        {
            SigningSecret = signingSecret,
            BotToken = botToken,
            AppToken = appToken,
            ApiBaseUrl = ReadApiBaseUrl(section),
            IncidentChannel = Value(section, nameof(SlackOptions.IncidentChannel)),
            AllowedChannels = List(section, nameof(SlackOptions.AllowedChannels)),
            AllowedUserGroups = List(section, nameof(SlackOptions.AllowedUserGroups)),
            TeamId = Value(section, nameof(SlackOptions.TeamId)),
            AllowExternalUsers = bool.TryParse(Value(section, nameof(SlackOptions.AllowExternalUsers)), out var external) && external,
        };
    }

    private static Uri ReadApiBaseUrl(IConfigurationSection section)
    {
        var value = Value(section, nameof(SlackOptions.ApiBaseUrl));
        if (value is null)
        {
            return SlackOptions.DefaultApiBaseUrl;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidConfigurationException(
                $"{SlackOptions.Section}:{nameof(SlackOptions.ApiBaseUrl)} is '{value}'; it must be an absolute http(s) URL such as {SlackOptions.DefaultApiBaseUrl}. Set it as the environment variable DiagBot__Slack__ApiBaseUrl.");
        }

        // Method names are resolved relative to the base, so it must end with a slash.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static string? Value(IConfigurationSection section, string key)
    {
        var value = section[key]?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A list as configuration array entries (`AllowedChannels:0`) or one comma-separated value.</summary>
    private static string[] List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.GetChildren().Any()
            ? child.GetChildren().Select(entry => entry.Value ?? string.Empty)
            : (child.Value ?? string.Empty).Split(',');
        return values.Select(value => value.Trim()).Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void RequirePrefix(string key, string value, string prefix)
    {
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidConfigurationException(
                $"{SlackOptions.Section}:{key} does not start with '{prefix}'; check that the bot token and the app-level token are not swapped. Set it as the environment variable DiagBot__Slack__{key}.");
        }
    }

    private static InvalidConfigurationException Missing(string key, string what) => new(
        $"{SlackOptions.Section}:{key} is missing: Slack is half configured. Set it to {what}, in appsettings.json or as the environment variable DiagBot__Slack__{key}; or remove every DiagBot:Slack secret to run without Slack.");
}
