using DiagBot.Playbooks.Classification;

namespace DiagBot.Playbooks.Tests.Classification;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("The task can\u2019t pull the image", "the task can't pull the image")]
    [InlineData("caused \u201cexec format error\u201d", "caused \"exec format error\"")]
    [InlineData("a   b\t\nc", "a b c")]
    public void Normalize_QuotesAndWhitespace_FoldToAscii(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC", "<arn:secretsmanager>")]
    [InlineData("task 0f3c9a1b2c3d4e5f60718293a4b5c6d7 stopped", "task <hex> stopped")]
    [InlineData("instance i-0abc123def4567890", "instance <i-id>")]
    [InlineData("dial tcp 10.1.2.3:443: i/o timeout", "dial tcp <ip>: i/o timeout")]
    [InlineData("account 123456789012 exit 137", "account <n> exit 137")]
    [InlineData("dial tcp 10.0.37.234:10250: i/o timeout", "dial tcp <ip>:10250: i/o timeout")]
    [InlineData("an ingress rule for 10250 and request 31337", "an ingress rule for 10250 and request <n>")]
    public void Normalize_Identifiers_AreMaskedButShortCodesKept(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData("encountered error \\\"AGENT\\\".", "encountered error \"agent\".")]
    [InlineData("err=\"failed to \\\"StartContainer\\\" for \\\"web\\\"\"", "err=\"failed to \"startcontainer\" for \"web\"\"")]
    [InlineData("send request failed\\\\ncaused by: dial tcp", "send request failed caused by: dial tcp")]
    [InlineData("unable to start \\u003cnil\\u003e\\ttask", "unable to start <nil> task")]
    public void Normalize_EscapedQuotesAndBreaks_ReadAsTheMessage(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_HugeText_IsCut()
    {
        Assert.Equal(TextNormalizer.MaxLength, TextNormalizer.Normalize(new string('x', TextNormalizer.MaxLength * 3)).Length);
    }
}
