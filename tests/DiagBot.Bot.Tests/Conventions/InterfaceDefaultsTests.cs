using System.Reflection;
using DiagBot.Bot.Teams;
using DiagBot.Diagnostics.Evidence;
using DiagBot.Playbooks;
using DiagBot.Sandbox;

namespace DiagBot.Bot.Tests.Conventions;

/// <summary>
/// No interface in a product room answers a member by default (issue 17, ask 5): an evidence client, a classifier or a
/// poster that forgot a member would still compile and answer a gap, nothing or a throw at run time. Each implementation,
/// fakes included, names every member; the diagnostics tests add that each live client does (EvidenceInterfacesTests).
/// </summary>
public sealed class InterfaceDefaultsTests
{
    private static readonly Assembly[] Rooms =
    [
        typeof(ITeamsConversationPoster).Assembly,
        typeof(IPlaybook).Assembly,
        typeof(IEvidenceSource).Assembly,
        typeof(SandboxServer).Assembly,
    ];

    [Fact]
    public void ProductInterfaces_HaveNoDefaultMembers()
    {
        // NonPublic too: a default one interface gives another's member (`Task<...> IEcsEvidence.ListTasksAsync(...) => ...`) is private.
        var defaulted = Rooms.SelectMany(room => room.GetTypes())
            .Where(type => type.IsInterface)
            .SelectMany(contract => contract.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(member => !member.IsAbstract)
                .Select(member => $"{contract.FullName}.{member.Name}"))
            .ToList();

        Assert.True(defaulted.Count == 0, "Interface members with a default body; write each in every implementation instead: " + string.Join(", ", defaulted));
    }
}
