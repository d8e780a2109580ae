namespace DiagBot.Bot.Tests.Charts;

/// <summary>
/// The drawing libraries' native halves load in the runtime image. The image (mcr.microsoft.com/dotnet/aspnet,
/// noble-chiseled) carries glibc, libgcc and libstdc++ but no fontconfig, freetype or X libraries, so both native
/// assets, for both architectures the deploy targets, may need glibc alone; SkiaSharp's NoDependencies build does.
/// </summary>
public sealed class NativeAssetTests
{
    private static readonly string[] InTheChiseledImage =
    [
        "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
        "libgcc_s.so.1", "libstdc++.so.6",
    ];

    public static TheoryData<string, string> Assets() => new()
    {
        { "linux-x64", "libSkiaSharp.so" },
        { "linux-arm64", "libSkiaSharp.so" },
        { "linux-x64", "libHarfBuzzSharp.so" },
        { "linux-arm64", "libHarfBuzzSharp.so" },
    };

    [Theory]
    [MemberData(nameof(Assets))]
    public void NativeAsset_NeedsOnlyLibrariesTheRuntimeImageHas(string rid, string library)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", library);
        Assert.True(File.Exists(path), $"{library} for {rid} is not in the build output: the image for that architecture could not draw charts");

        var needed = ElfNeeded.Of(path);

        Assert.Contains("libc.so.6", needed);
        Assert.Empty(needed.Except(InTheChiseledImage));
    }
}
