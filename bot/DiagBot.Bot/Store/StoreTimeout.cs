using System.Globalization;
using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Store;

/// <summary>`DiagBot:Store:TimeoutSeconds` (default 1.5): how long one call to the shared store may take before it counts as unavailable.</summary>
internal static class StoreTimeout
{
    public const string Key = "DiagBot:Store:TimeoutSeconds";

    /// <summary>Under the 2 s the intake promises, itself well under an EventBridge API destination's 5 s wait.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1.5);

    public static TimeSpan Read(IConfiguration configuration)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidConfigurationException($"{Key} is '{text}'; it must be a positive number of seconds (default 1.5). Set it in appsettings.json or as DiagBot__Store__TimeoutSeconds.");
    }
}
