using System.Globalization;
using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Incidents;

/// <summary>`DiagBot:Incidents:*`: how long an incident stays open, how often its thread hears more, and each channel's limit.</summary>
internal sealed record IncidentOptions
{
    public const string Section = "DiagBot:Incidents";

    public TimeSpan ThreadReplyInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan IncidentExpiry { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a replica may hold an incident's first diagnosis (queued, then running) before another replica that
    /// sees the incident's next event takes it over: ten minutes outlasts a full queue, and a replica that died
    /// holding it costs at most this long, not the incident's whole life.
    /// </summary>
    public TimeSpan FirstDiagnosisLease { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>EventBridge and SNS retry for up to 24 hours; a redelivery within that window is the same event.</summary>
    public TimeSpan EventDedupeWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Slack: chat.postMessage allows about one message per second per channel.</summary>
    public int SlackMessagesPerSecond { get; init; } = 1;

    /// <summary>Bot Framework: about seven messages per second per conversation.</summary>
    public int TeamsMessagesPerSecond { get; init; } = 7;

    public static IncidentOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new IncidentOptions
        {
            SlackMessagesPerSecond = Positive(section, nameof(SlackMessagesPerSecond), 1),
            TeamsMessagesPerSecond = Positive(section, nameof(TeamsMessagesPerSecond), 7),
            ThreadReplyInterval = TimeSpan.FromSeconds(Positive(section, "ThreadReplySeconds", 60)),
        };
    }

    private static int Positive(IConfigurationSection section, string name, int fallback)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidConfigurationException($"{Section}:{name} is '{text}'; it must be a positive whole number. Set it in appsettings.json or as DiagBot__Incidents__{name}.");
    }
}
