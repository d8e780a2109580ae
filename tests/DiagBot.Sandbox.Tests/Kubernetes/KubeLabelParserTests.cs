using DiagBot.Sandbox.Kubernetes;

namespace DiagBot.Sandbox.Tests.Kubernetes;

public sealed class KubeLabelParserTests
{
    private static readonly Dictionary<string, string> _stable = new() { ["app"] = "search-api", ["track"] = "stable" };
    private static readonly Dictionary<string, string> _canary = new() { ["app"] = "search-api", ["track"] = "canary" };
    private static readonly Dictionary<string, string> _noTrack = new() { ["app"] = "search-api" };
    private static readonly Dictionary<string, string> _otherApp = new() { ["app"] = "web", ["track"] = "stable" };

    [Theory]
    [InlineData("app in (search-api),track notin (canary)", true, false, true, false)]
    [InlineData("app in (web, search-api)", true, true, true, true)]
    [InlineData("track notin (canary)", true, false, true, true)]
    [InlineData("!track", false, false, true, false)]
    [InlineData("track", true, true, false, true)]
    [InlineData("app=search-api,track!=canary", true, false, true, false)]
    [InlineData("app==search-api", true, true, true, false)]
    [InlineData("  app  in(search-api) ,  !track  ", false, false, true, false)]
    [InlineData("", true, true, true, true)]
    public void Parse_Selector_MatchesAsTheApiServerDoes(string selector, bool stable, bool canary, bool noTrack, bool otherApp)
    {
        var requirements = KubeLabelParser.Parse(selector);

        Assert.Equal([stable, canary, noTrack, otherApp], new[] { _stable, _canary, _noTrack, _otherApp }.Select(labels => Matches(requirements, labels)));
    }

    [Fact]
    public void Parse_NotInAndDoesNotExist_PodWithoutTheKeyMatches()
    {
        Assert.True(Matches(KubeLabelParser.Parse("tier notin (backend)"), _noTrack));
        Assert.True(Matches(KubeLabelParser.Parse("!tier"), _noTrack));
        Assert.True(Matches(KubeLabelParser.Parse("tier!=backend"), _noTrack));
        Assert.False(Matches(KubeLabelParser.Parse("tier in (backend)"), _noTrack));
    }

    [Fact]
    public void Parse_KeywordsAsKeyAndValue_AreIdentifiers()
    {
        var requirement = Assert.Single(KubeLabelParser.Parse("in in (notin,in)"));

        Assert.Equal(("in", "in"), (requirement.Key, requirement.Operator));
        Assert.Equal(["in", "notin"], requirement.Values);
    }

    [Fact]
    public void Parse_EmptyParenthesesAndDoubledCommas_HoldTheEmptyValue()
    {
        Assert.Equal([string.Empty], Assert.Single(KubeLabelParser.Parse("app in ()")).Values);
        Assert.Equal([string.Empty, "a", "b"], Assert.Single(KubeLabelParser.Parse("app in (a,,b)")).Values);
        Assert.True(Matches(KubeLabelParser.Parse("track="), new Dictionary<string, string> { ["track"] = string.Empty }));
    }

    [Fact]
    public void Parse_GreaterAndLessThan_CompareIntegers()
    {
        var shard = new Dictionary<string, string> { ["shard"] = "7" };

        Assert.True(Matches(KubeLabelParser.Parse("shard>3"), shard));
        Assert.False(Matches(KubeLabelParser.Parse("shard<3"), shard));
        Assert.False(Matches(KubeLabelParser.Parse("shard>3"), _noTrack));
    }

    [Theory]
    [InlineData("app in (x", "unable to parse requirement: found '', expected: ',' or ')'")]
    [InlineData("app in x", "unable to parse requirement: found 'x' expected: '('")]
    [InlineData("app=web,", "found '', expected: identifier after ','")]
    [InlineData("app=web track=canary", "found 'track', expected: ',' or 'end of string'")]
    [InlineData("!app=web", "found '=', expected: ',' or 'end of string'")]
    [InlineData("app exists", "unable to parse requirement: found 'exists', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData(",app", "found ',', expected: !, identifier, or 'end of string'")]
    [InlineData("app in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'")]
    [InlineData("app in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier")]
    [InlineData("shard>three", "unable to parse requirement: values[0]: Invalid value: \"three\": for 'Gt', 'Lt' operators, the value must be an integer")]
    public void Parse_Malformed_IsBadRequestWithTheServersMessage(string selector, string message)
    {
        var error = Assert.Throws<KubeException>(() => KubeLabelParser.Parse(selector));

        Assert.Equal((400, "BadRequest", message), (error.Code, error.Reason, error.Message));
    }

    [Fact]
    public void Parse_InvalidKeyOrValue_NamesTheFieldAndTheRule()
    {
        var key = Assert.Throws<KubeException>(() => KubeLabelParser.Parse("-app=web"));
        var value = Assert.Throws<KubeException>(() => KubeLabelParser.Parse("app in (we$b)"));

        Assert.StartsWith("unable to parse requirement: <nil>: Invalid value: \"-app\": name part must consist of alphanumeric characters", key.Message, StringComparison.Ordinal);
        Assert.StartsWith("unable to parse requirement: values[0][app]: Invalid value: \"we$b\": a valid label must be an empty string", value.Message, StringComparison.Ordinal);
    }

    private static bool Matches(IReadOnlyList<KubeLabelRequirement> requirements, Dictionary<string, string> labels) =>
        requirements.All(r => r.Matches(key => labels.GetValueOrDefault(key)));
}
