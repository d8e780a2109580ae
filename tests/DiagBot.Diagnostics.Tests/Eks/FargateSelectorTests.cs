using DiagBot.Diagnostics.Eks;

namespace DiagBot.Diagnostics.Tests.Eks;

/// <summary>Fargate profile selectors: the namespace and every label, with * and ? wildcards as the EKS user guide allows.</summary>
public sealed class FargateSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "ledger-api", ["pod-template-hash"] = "6c8f7d9b5" };

    [Theory]
    [InlineData("payments", true)]
    [InlineData("pay*", true)]
    [InlineData("payment?", true)]
    [InlineData("payment", false)]
    [InlineData("prod-*", false)]
    public void SelectsNamespace_WithWildcards(string pattern, bool selected) =>
        Assert.Equal(selected, new FargateSelector(pattern, new Dictionary<string, string>()).Selects("payments", Labels));

    [Fact]
    public void MissingLabels_NameWhatThePodLacks()
    {
        var selector = new FargateSelector("payments", new Dictionary<string, string> { ["app"] = "ledger-*", ["compute"] = "fargate" });

        Assert.Equal(["compute=fargate"], selector.MissingLabels(Labels));
        Assert.False(selector.Selects("payments", Labels));
    }
}
