using DiagBot.Diagnostics.Aws;

namespace DiagBot.Playbooks.Diagnosis;

/// <summary>Says where a name was looked for, so "not found" tells the engineer which accounts and regions that covers.</summary>
internal static class SearchedScopes
{
    public static string Describe(IReadOnlyList<AwsScope> scopes) => scopes.Count == 1
        ? Name(scopes[0])
        : $"the {scopes.Count} configured accounts and regions ({string.Join(", ", scopes.Select(Name))})";

    private static string Name(AwsScope scope) => scope.AccountId is null && scope.Region is null
        ? "the default account and region"
        : $"{scope.AccountId ?? "the default account"}/{scope.Region ?? "the default region"}";
}
