using System.Globalization;
using System.Net;
using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Verdicts;

namespace DiagBot.Playbooks.Networking;

/// <summary>
/// A subnet's free addresses against its size, as DescribeSubnets read them (AvailableIpAddressCount, CidrBlock). AWS
/// reserves five addresses of every subnet, the first four and the last ("Subnet CIDR blocks", Amazon VPC User Guide),
/// so a /28 has 11 usable. DescribeSubnets keeps no history: the chart is the moment of reading.
/// </summary>
internal static class SubnetAddresses
{
    public const string ChartKind = "subnet-free-addresses";
    public const int ReservedPerSubnet = 5;

    /// <summary>Usable addresses in an IPv4 CIDR block; null when the block cannot be read.</summary>
    public static int? Usable(string? cidr)
    {
        if (cidr is null || !IPNetwork.TryParse(cidr, out var network) || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return null;
        }

        var size = 1L << (32 - network.PrefixLength);
        return (int)Math.Max(0, Math.Min(int.MaxValue, size - ReservedPerSubnet));
    }

    /// <summary>Empty when the free count was not read: a chart without it would show nothing DiagBot knows.</summary>
    public static IReadOnlyList<Chart> Chart(Subnet subnet, string consequence, DateTimeOffset readAt)
    {
        if (subnet.AvailableIpAddressCount is not { } free)
        {
            return [];
        }

        var usable = Usable(subnet.CidrBlock);
        var name = subnet.CidrBlock is null ? subnet.SubnetId : $"{subnet.SubnetId} ({subnet.CidrBlock})";
        var of = usable is { } size ? string.Create(CultureInfo.InvariantCulture, $" of {size} usable") : string.Empty;
        var title = string.Create(CultureInfo.InvariantCulture, $"Subnet {subnet.SubnetId} has {free}{of} addresses free: {consequence}");
        List<ChartSeries> series = [];
        if (usable is { } total)
        {
            series.Add(new ChartSeries($"{name} usable addresses", [new ChartPoint(readAt, total)]));
        }

        series.Add(new ChartSeries($"{name} free addresses", [new ChartPoint(readAt, free)]));
        return [new Chart(ChartKind, title, "Addresses", series, [], [])];
    }
}
