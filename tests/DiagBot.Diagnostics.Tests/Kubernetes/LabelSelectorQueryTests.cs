using DiagBot.Diagnostics.Kubernetes;

namespace DiagBot.Diagnostics.Tests.Kubernetes;

public sealed class LabelSelectorQueryTests
{
    private static readonly Dictionary<string, string> _noLabels = [];

    [Fact]
    public void From_MatchLabelsOnly_IsEqualityTermsSortedByKey()
    {
        var query = LabelSelectorQuery.From(new Dictionary<string, string> { ["tier"] = "api", ["app"] = "search" }, []);

        Assert.Equal("app=search,tier=api", query.Text);
        Assert.Null(query.Problem);
    }

    [Fact]
    public void From_EveryKnownOperator_IsWrittenInSetBasedSyntax()
    {
        var query = LabelSelectorQuery.From(_noLabels,
        [
            new("app", "In", ["search-api", "indexer"]),
            new("track", "NotIn", ["canary"]),
            new("owner", "Exists", []),
            new("debug", "DoesNotExist", []),
        ]);

        Assert.Equal("app in (indexer,search-api),!debug,owner,track notin (canary)", query.Text);
    }

    [Fact]
    public void From_ValuesInAnyOrderOrRepeated_GiveTheSameText()
    {
        var first = LabelSelectorQuery.From(_noLabels, [new("env", "NotIn", ["qa", "dev", "qa"])]);
        var second = LabelSelectorQuery.From(_noLabels, [new("env", "NotIn", ["dev", "qa"])]);

        Assert.Equal("env notin (dev,qa)", first.Text);
        Assert.Equal(first, second);
    }

    [Fact]
    public void From_MatchLabelsAndExpressions_AreAndedInOneSelector()
    {
        var query = LabelSelectorQuery.From(new Dictionary<string, string> { ["app"] = "search-api" }, [new("track", "NotIn", ["canary"])]);

        Assert.Equal("app=search-api,track notin (canary)", query.Text);
    }

    [Fact]
    public void From_EmptySelector_IsAProblemNotAnEmptyQuery()
    {
        var query = LabelSelectorQuery.From(_noLabels, []);

        Assert.Null(query.Text);
        Assert.Contains("empty selector", query.Problem, StringComparison.Ordinal);
        Assert.Contains("every pod in the namespace", query.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void From_UnknownOperator_IsAProblemNamingIt()
    {
        var query = LabelSelectorQuery.From(new Dictionary<string, string> { ["app"] = "search-api" }, [new("shard", "Gt", ["3"])]);

        Assert.Null(query.Text);
        Assert.Contains("operator 'Gt' (on key 'shard')", query.Problem, StringComparison.Ordinal);
        Assert.Contains("In, NotIn, Exists and DoesNotExist", query.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("In", 0, "'app In' without values")]
    [InlineData("NotIn", 0, "'app NotIn' without values")]
    [InlineData("Exists", 1, "'app Exists' with values")]
    [InlineData("DoesNotExist", 1, "'app DoesNotExist' with values")]
    public void From_ValuesTheOperatorCannotTake_IsAProblem(string op, int valueCount, string expected)
    {
        var query = LabelSelectorQuery.From(_noLabels, [new("app", op, [.. Enumerable.Repeat("x", valueCount)])]);

        Assert.Null(query.Text);
        Assert.Contains(expected, query.Problem, StringComparison.Ordinal);
    }
}
