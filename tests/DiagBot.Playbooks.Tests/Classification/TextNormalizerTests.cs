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
    public void Classify_ALongLogWithOneDenialDeepInside_ReadsTheDenial()
    {
        // 3,000 healthy request lines and, half-way down, the app's own AccessDenied: far past the first 8 KB.
        var lines = Enumerable.Range(0, 3000).Select(i => $"2026-12-07T10:{i / 60 % 60:00}:{i % 60:00}.123Z INFO GET /api/orders 200 12ms").ToList();
        lines.Insert(1500, "2026-12-07T10:25:00.000Z ERROR botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling "
            + "the GetSecretValue operation: User: arn:aws:sts::123456789012:assumed-role/orders-task/abc is not authorized to perform: "
            + "secretsmanager:GetSecretValue");

        var result = new SymptomClassifier().Classify(string.Join('\n', lines), EvidenceField.Log, null);

        Assert.Equal(DiagBot.Playbooks.FailureModes.AppAccessDenied.Number, result.Playbook);
    }

    [Fact]
    public void Normalize_ALongPaste_KeepsItsLinesInOrderWithinTheBudget()
    {
        var text = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"line {i} ok")) + "\nWarning BackOff restarting failed container";

        var normalized = TextNormalizer.Normalize(text);

        Assert.True(normalized.Length <= TextNormalizer.MaxLength, $"{normalized.Length} characters");
        Assert.StartsWith("line 0 ok line 1 ok", normalized, StringComparison.Ordinal);
        Assert.EndsWith("warning backoff restarting failed container", normalized, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_HugeText_IsCut()
    {
        Assert.Equal(TextNormalizer.MaxLength, TextNormalizer.Normalize(new string('x', TextNormalizer.MaxLength * 3)).Length);
    }
}
