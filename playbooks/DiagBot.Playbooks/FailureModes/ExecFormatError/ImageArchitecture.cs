using System.Text.RegularExpressions;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// CPU architectures as ECS names them in runtimePlatform, and what an image reference says about its own.
/// DiagBot reads no registry, so an image's architecture is only ever inferred from its name and tag.
/// </summary>
internal static partial class ImageArchitecture
{
    public const string X86 = "X86_64";
    public const string Arm = "ARM64";
    public const string ExecFormatMarker = "exec format error";

    /// <summary>X86_64 or ARM64 when the reference names an architecture (e.g. ":1.8.0-amd64", "arm64v8/"), else null.</summary>
    public static string? NamedBy(string? imageReference)
    {
        if (string.IsNullOrEmpty(imageReference))
        {
            return null;
        }

        // Skip the registry host (it may hold words like "x64" in a domain) but keep namespaces such as "arm64v8/".
        var slash = imageReference.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : imageReference[..slash];
        var isRegistry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        var repositoryAndTag = isRegistry ? imageReference[(slash + 1)..] : imageReference;
        return ArmWords().IsMatch(repositoryAndTag) ? Arm : X86Words().IsMatch(repositoryAndTag) ? X86 : null;
    }

    public static bool HasExecFormatError(string? text) =>
        text is not null && text.Contains(ExecFormatMarker, StringComparison.OrdinalIgnoreCase);

    // Separated by punctuation so that e.g. "farm64" or "charm" are not read as architectures.
    [GeneratedRegex(@"(^|[^a-z0-9])(arm64(v8)?|aarch64|graviton\d?)([^a-z0-9]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArmWords();

    [GeneratedRegex(@"(^|[^a-z0-9])(amd64|x86[-_]64|x64)([^a-z0-9]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex X86Words();
}
