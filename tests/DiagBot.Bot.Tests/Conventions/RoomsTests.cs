using System.Text.RegularExpressions;
using DiagBot.Bot.Tests.Support;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// The rooms (docs/architecture.md): bot → playbooks → diagnostics, the sandbox apart and sharing nothing with
/// diagnostics. An allow-list over every project's references, so a new arrow is a decision made here, not a drift.
/// </summary>
public sealed partial class RoomsTests
{
    private static readonly Dictionary<string, string[]> AllowedReferences = new(StringComparer.Ordinal)
    {
        // The bot hosts the sandbox as its embedded default (README's first set-up command).
        ["bot/DiagBot.Bot"] = ["DiagBot.Playbooks", "DiagBot.Diagnostics", "DiagBot.Sandbox", "Microsoft.AspNetCore.App"],
        ["playbooks/DiagBot.Playbooks"] = ["DiagBot.Diagnostics"],
        ["diagnostics/DiagBot.Diagnostics"] = [],
        ["sandbox/DiagBot.Sandbox"] = ["Microsoft.AspNetCore.App"],
        ["bench/DiagBot.Bench"] = ["DiagBot.Bot"],
        ["tests/DiagBot.Bot.Tests"] = ["DiagBot.Bot", "DiagBot.Tests.Support"],
        // Playbooks read the sandbox through the live evidence layer; the sandbox's DiagBotSettings point it there, no bot needed.
        ["tests/DiagBot.Playbooks.Tests"] = ["DiagBot.Playbooks", "DiagBot.Sandbox"],
        ["tests/DiagBot.Diagnostics.Tests"] = ["DiagBot.Diagnostics", "DiagBot.Sandbox", "Microsoft.AspNetCore.App", "DiagBot.Tests.Support"],
        // What the test projects share (the loopback host their fakes start on); it knows no product room.
        ["tests/DiagBot.Tests.Support"] = ["Microsoft.AspNetCore.App"],
        ["tests/DiagBot.Sandbox.Tests"] = ["DiagBot.Sandbox", "DiagBot.Tests.Support"],
    };

    [Fact]
    public void EveryProject_ReferencesOnlyWhatItsRoomMayKnow()
    {
        var projects = Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(file => !file.Contains("node_modules", StringComparison.Ordinal))
            .ToDictionary(file => RepositoryRoot.Relative(Path.GetDirectoryName(file)!).Replace('\\', '/'), File.ReadAllText);

        var unknown = projects.Keys.Except(AllowedReferences.Keys).ToList();
        var offenders = projects
            .Where(project => AllowedReferences.ContainsKey(project.Key))
            .SelectMany(project => References(project.Value).Except(AllowedReferences[project.Key]).Select(reference => $"{project.Key} → {reference}"))
            .ToList();

        Assert.True(unknown.Count == 0, "A project no room owns; give it a line in RoomsTests.AllowedReferences: " + string.Join(", ", unknown));
        Assert.True(offenders.Count == 0, "References the rooms do not allow (docs/architecture.md): " + string.Join(", ", offenders));
    }

    private static IEnumerable<string> References(string project) =>
        Reference().Matches(project).Select(match => match.Groups["include"].Value.Replace('\\', '/'))
            .Select(include => include.EndsWith(".csproj", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(include) : include);

    [GeneratedRegex(@"<(ProjectReference|FrameworkReference)\s+Include=""(?<include>[^""]+)""")]
    private static partial Regex Reference();
}
