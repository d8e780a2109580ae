using System.Security.Cryptography;
using System.Text;
using DiagBot.Sandbox.State;

namespace DiagBot.Sandbox.Catalogue.Seeding;

/// <summary>What a catalogue entry seeds into: the world, the account's identity, and the moment the sandbox started.</summary>
internal sealed class SeedContext(SandboxWorld world, DateTimeOffset now)
{
    public SandboxWorld World { get; } = world;

    public SandboxOptions Options => World.Options;

    public DateTimeOffset Now { get; } = now;

    public DateTimeOffset Ago(int minutes) => Now.AddMinutes(-minutes);

    /// <summary>An availability zone of the configured region: 'a' gives us-east-1a.</summary>
    public string Zone(char letter) => Options.Region + letter;

    /// <summary>Stable ids derived from a name, so a scenario's subject is the same on every run.</summary>
    public static string Hex(string seed, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..length];

    public static string TaskId(string seed) => Hex("task/" + seed, 32);

    public static string AwsId(string prefix, string seed) => $"{prefix}-{Hex(prefix + "/" + seed, 17)}";
}
