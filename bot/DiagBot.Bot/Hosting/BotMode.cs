namespace DiagBot.Bot.Hosting;

/// <summary>`DiagBot:Mode`: the sandbox (default, no AWS account needed) or live AWS.</summary>
public enum BotMode
{
    Sandbox,
    Live,
}

public static class BotModeSetting
{
    public const string Key = "DiagBot:Mode";

    public static BotMode Read(IConfiguration configuration)
    {
        var value = configuration[Key];
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sandbox" => BotMode.Sandbox,
            "live" => BotMode.Live,
            _ => throw new InvalidConfigurationException(
                $"{Key} is '{value}'; it must be 'sandbox' or 'live'. Set it in appsettings.json or as the environment variable DiagBot__Mode."),
        };
    }
}
