using System.Buffers.Binary;
using System.Text;

namespace DiagBot.Bot.Tests.Charts;

/// <summary>
/// The shared libraries an ELF64 little-endian library names as DT_NEEDED (what `readelf -d` lists), read from its
/// dynamic segment, so a test can hold a native asset to what the runtime image provides.
/// </summary>
internal static class ElfNeeded
{
    private const uint DynamicSegment = 2; // PT_DYNAMIC
    private const uint LoadSegment = 1; // PT_LOAD
    private const long Needed = 1; // DT_NEEDED
    private const long StringTable = 5; // DT_STRTAB

    public static IReadOnlyList<string> Of(string path)
    {
        var elf = File.ReadAllBytes(path);
        Assert.True(elf.AsSpan(0, 4).SequenceEqual("\u007fELF"u8) && elf[4] == 2 && elf[5] == 1, $"{path} is not a 64-bit little-endian ELF file");
        var headers = (long)U64(elf, 0x20);
        var size = U16(elf, 0x36);
        var count = U16(elf, 0x38);
        var segments = Enumerable.Range(0, count).Select(i => Segment(elf, headers + (i * size))).ToArray();
        var dynamic = segments.Single(segment => segment.Type == DynamicSegment);
        var entries = new List<(long Tag, ulong Value)>();
        for (var at = dynamic.Offset; ; at += 16)
        {
            var tag = (long)U64(elf, at);
            if (tag == 0)
            {
                break;
            }

            entries.Add((tag, U64(elf, at + 8)));
        }

        var strings = FileOffset(segments, entries.Single(entry => entry.Tag == StringTable).Value);
        return [.. entries.Where(entry => entry.Tag == Needed).Select(entry => CString(elf, strings + (long)entry.Value))];
    }

    private static (uint Type, long Offset, ulong Address, ulong FileSize) Segment(byte[] elf, long at) =>
        (U32(elf, at), (long)U64(elf, at + 8), U64(elf, at + 16), U64(elf, at + 32));

    // DT_STRTAB holds a virtual address: the loadable segment that covers it says where that is in the file.
    private static long FileOffset((uint Type, long Offset, ulong Address, ulong FileSize)[] segments, ulong address)
    {
        var load = segments.First(s => s.Type == LoadSegment && address >= s.Address && address < s.Address + s.FileSize);
        return load.Offset + (long)(address - load.Address);
    }

    private static string CString(byte[] elf, long at) => Encoding.ASCII.GetString(elf, (int)at, Array.IndexOf(elf, (byte)0, (int)at) - (int)at);

    private static ushort U16(byte[] elf, long at) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan((int)at));

    private static uint U32(byte[] elf, long at) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan((int)at));

    private static ulong U64(byte[] elf, long at) => BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan((int)at));
}
