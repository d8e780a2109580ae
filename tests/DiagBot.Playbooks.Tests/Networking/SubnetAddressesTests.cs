using DiagBot.Diagnostics.Network;
using DiagBot.Playbooks.Networking;

namespace DiagBot.Playbooks.Tests.Networking;

public sealed class SubnetAddressesTests
{
    [Theory]
    [InlineData("10.0.8.0/28", 11)]
    [InlineData("10.0.64.0/24", 251)]
    [InlineData("10.0.0.0/16", 65531)]
    [InlineData("2600:1f14::/64", null)]
    [InlineData("not a cidr", null)]
    public void Usable_Cidr_IsItsSizeLessTheFiveAddressesAwsReserves(string cidr, int? expected)
    {
        Assert.Equal(expected, SubnetAddresses.Usable(cidr));
    }

    [Fact]
    public void Chart_FreeCountNotRead_DrawsNothing()
    {
        var subnet = new Subnet("subnet-0a1b2c3d", "vpc-1", "us-east-1a", "10.0.8.0/28", null, false);

        Assert.Empty(SubnetAddresses.Chart(subnet, "tasks wait", DateTimeOffset.UnixEpoch));
    }
}
