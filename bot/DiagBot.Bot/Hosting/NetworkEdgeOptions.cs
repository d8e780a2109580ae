using System.Net;

namespace DiagBot.Bot.Hosting;

/// <summary>
/// What the bot believes about the network in front of it. `AllowedHosts` (ASP.NET Core's setting, `;`-separated,
/// `*.example.com` allowed): the Host names it answers to, loopback names unless set, so a web page elsewhere cannot
/// rebind its own name to a local bot. `DiagBot:ForwardedHeaders:KnownNetworks` (CIDRs) and `KnownProxies` (addresses):
/// the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; unset, those headers are ignored.
/// </summary>
internal sealed record NetworkEdgeOptions(IReadOnlyList<string> AllowedHosts, IReadOnlyList<IPNetwork> KnownNetworks, IReadOnlyList<IPAddress> KnownProxies)
{
    public const string AllowedHostsKey = "AllowedHosts";
    public const string ForwardedSection = "DiagBot:ForwardedHeaders";

    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public bool TrustsProxies => KnownNetworks.Count > 0 || KnownProxies.Count > 0;

    public static NetworkEdgeOptions Read(IConfiguration configuration)
    {
        var hosts = (configuration[AllowedHostsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var section = configuration.GetSection(ForwardedSection);
        var networks = Entries(section, "KnownNetworks").Select(text => IPNetwork.TryParse(text, out var network) ? network
            : throw new InvalidConfigurationException($"{ForwardedSection}:KnownNetworks holds '{text}', not a CIDR network such as 10.0.0.0/16."));
        var proxies = Entries(section, "KnownProxies").Select(text => IPAddress.TryParse(text, out var address) ? address
            : throw new InvalidConfigurationException($"{ForwardedSection}:KnownProxies holds '{text}', not an IP address."));
        return new NetworkEdgeOptions(hosts.Length > 0 ? hosts : LoopbackHosts, [.. networks], [.. proxies]);
    }

    private static IEnumerable<string> Entries(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Get<string[]>() ?? (child.Value is { } text ? text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries) : []);
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
