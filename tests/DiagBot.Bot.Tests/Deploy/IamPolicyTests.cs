using System.Text.Json;
using DiagBot.Bot.Tests.Support;
using DiagBot.Diagnostics;

namespace DiagBot.Bot.Tests.Deploy;

/// <summary>deploy/iam/diagbot-readonly.json grants exactly the actions the evidence clients call, and only reads.</summary>
public sealed class IamPolicyTests
{
    // FilterLogEvents reads log events; LookupEvents reads CloudTrail; AssumeRole reaches the read role of another account.
    private static readonly string[] ReadVerbPrefixes = ["Describe", "List", "Get", "Filter", "LookupEvents"];

    [Fact]
    public void Policy_Actions_AreExactlyTheActionsTheCodeCalls()
    {
        var granted = GrantedActions();

        Assert.Empty(EvidenceIamActions.All.Except(granted, StringComparer.Ordinal));
        Assert.Empty(granted.Except(EvidenceIamActions.All, StringComparer.Ordinal));
        Assert.Equal(granted.Count, granted.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Policy_EveryAction_IsARead()
    {
        var notReads = GrantedActions().Where(action => !IsRead(action)).ToList();

        Assert.Empty(notReads);
    }

    [Fact]
    public void Policy_EveryStatement_AllowsWithoutWildcardActions()
    {
        using var policy = Load();
        Assert.Equal("2012-10-17", policy.RootElement.GetProperty("Version").GetString());
        foreach (var statement in policy.RootElement.GetProperty("Statement").EnumerateArray())
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            Assert.All(Actions(statement), action => Assert.DoesNotContain('*', action));
            Assert.False(statement.TryGetProperty("NotAction", out _));
        }
    }

    [Fact]
    public void Policy_AssumeRole_IsLimitedToRoles()
    {
        using var policy = Load();
        var statement = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Single(s => Actions(s).Contains(EvidenceIamActions.AssumeRole));

        Assert.StartsWith("arn:aws:iam::*:role/", statement.GetProperty("Resource").GetString(), StringComparison.Ordinal);
    }

    internal static bool IsRead(string action)
    {
        if (action == EvidenceIamActions.AssumeRole)
        {
            return true;
        }

        var verb = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return ReadVerbPrefixes.Any(prefix => verb.StartsWith(prefix, StringComparison.Ordinal));
    }

    internal static JsonDocument Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "iam", "diagbot-readonly.json")));

    private static List<string> GrantedActions()
    {
        using var policy = Load();
        return [.. policy.RootElement.GetProperty("Statement").EnumerateArray().SelectMany(Actions)];
    }

    private static IEnumerable<string> Actions(JsonElement statement)
    {
        var action = statement.GetProperty("Action");
        return action.ValueKind == JsonValueKind.String
            ? [action.GetString()!]
            : [.. action.EnumerateArray().Select(element => element.GetString()!)];
    }
}
