using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Tests.Outside;

/// <summary>The heading every renderer puts above a failure outside the modes counts the catalogue, so a new mode changes it.</summary>
public sealed class OutsideHeadingTests
{
    [Theory]
    [InlineData(0, "zero")]
    [InlineData(9, "nine")]
    [InlineData(15, "fifteen")]
    [InlineData(16, "sixteen")]
    [InlineData(20, "twenty")]
    [InlineData(21, "twenty-one")]
    [InlineData(99, "ninety-nine")]
    [InlineData(100, "100")]
    public void NumberWords_Count_IsSpelledAsASentenceSaysIt(int count, string expected) =>
        Assert.Equal(expected, NumberWords.Of(count));

    [Fact]
    public void Heading_NamesHowManyModesTheCatalogueHolds()
    {
        var expected = $"Outside the {NumberWords.Of(PlaybookCatalog.Modes.Count)} failure modes";

        Assert.Equal(expected, OutsideFailure.Heading);
    }
}
