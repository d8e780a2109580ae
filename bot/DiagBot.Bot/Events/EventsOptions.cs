using System.Text.RegularExpressions;
using DiagBot.Bot.Hosting;

namespace DiagBot.Bot.Events;

/// <summary>
/// `DiagBot:Events:*`. The EventBridge connection sends either an API key header (`ApiKey` under the header
/// named by `ApiKeyHeader`) or basic auth (`BasicUser`/`BasicPassword`). SNS certificates are fetched only
/// from hosts matching `Sns:CertificateHostPattern` over `Sns:CertificateScheme` (https unless a test says otherwise).
/// </summary>
internal sealed record EventsOptions
{
    public const string Section = "DiagBot:Events";
    public const string DefaultApiKeyHeader = "X-DiagBot-Key";
    public const string DefaultCertificateHostPattern = @"^sns\.[a-z0-9-]+\.amazonaws\.com$";

    public string? ApiKey { get; init; }

    public string ApiKeyHeader { get; init; } = DefaultApiKeyHeader;

    public string? BasicUser { get; init; }

    public string? BasicPassword { get; init; }

    public Regex CertificateHost { get; init; } = new(DefaultCertificateHostPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public string CertificateScheme { get; init; } = Uri.UriSchemeHttps;

    /// <summary>The topics whose messages are taken; empty, /events/sns is not served at all.</summary>
    public IReadOnlyList<string> SnsTopics { get; init; } = [];

    public bool EventBridgeEnabled => ApiKey is not null || BasicUser is not null;

    public static EventsOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var pattern = section["Sns:CertificateHostPattern"];
        var (user, password) = (Blank(section["BasicUser"]), Blank(section["BasicPassword"]));
        if ((user is null) != (password is null))
        {
            // Half a pair would take an empty password (or none) as the secret.
            throw new InvalidConfigurationException(
                $"{Section}:{(user is null ? "BasicPassword" : "BasicUser")} is set but {Section}:{(user is null ? "BasicUser" : "BasicPassword")} is not: "
                + "EventBridge basic auth needs both (or use ApiKey). Set it in appsettings.json or as DiagBot__Events__...");
        }

        return new EventsOptions
        {
            ApiKey = Blank(section["ApiKey"]),
            ApiKeyHeader = Blank(section["ApiKeyHeader"]) ?? DefaultApiKeyHeader,
            BasicUser = user,
            BasicPassword = password,
            CertificateHost = new Regex(Blank(pattern) ?? DefaultCertificateHostPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            CertificateScheme = Blank(section["Sns:CertificateScheme"]) ?? Uri.UriSchemeHttps,
            SnsTopics = section.GetSection("Sns:Topics").Get<string[]>() ?? [],
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
