using DiagBot.Bot.Slack;

namespace DiagBot.Bot.Tests.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<http://x|y>", "&lt;http://x|y&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&lt;", "&amp;lt;")]
    public void Escape_ControlCharacters_AreEntities(string text, string expected) =>
        Assert.Equal(expected, SlackText.Escape(text));

    [Fact]
    public void Unescape_WhatSlackSends_IsWhatTheUserTyped() =>
        Assert.Equal("exit <137> & more", SlackText.Unescape("exit &lt;137&gt; &amp; more"));

    [Fact]
    public void Code_Backticks_CannotEndTheCodeSpan() =>
        Assert.Equal("`a'b &lt;c&gt;`", SlackText.Code("a`b <c>"));

    [Fact]
    public void Truncate_SurrogatePairAtTheCut_IsNotSplit()
    {
        var text = new string('a', 8) + "😀" + "bbbb";

        var cut = SlackText.Truncate(text, 10);

        Assert.Equal(new string('a', 8) + "…", cut);
    }

    [Fact]
    public void Mention_Stripped_LeavesTheCommand() =>
        Assert.Equal("diagnose exit &lt;137&gt;".Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal), SlackMention.Strip("<@U0DIAGBOT> diagnose exit &lt;137&gt;"));
}
