using System.Text;

namespace DiagBot.Bot.Tests.Telemetry.Support;

/// <summary>
/// Just enough of the protobuf wire format to walk an OTLP request: each field's number and, for
/// length-delimited fields, its bytes. Varints and fixed-width values are skipped.
/// </summary>
internal static class Protobuf
{
    public static IEnumerable<(int Field, ReadOnlyMemory<byte> Bytes)> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message.Span, ref position);
            var (field, wireType) = ((int)(key >> 3), (int)(key & 7));
            switch (wireType)
            {
                case 0:
                    ReadVarint(message.Span, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message.Span, ref position);
                    yield return (field, message.Slice(position, length));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wireType} at byte {position} is not protobuf");
            }
        }
    }

    public static IEnumerable<ReadOnlyMemory<byte>> Repeated(ReadOnlyMemory<byte> message, int field) =>
        Fields(message).Where(f => f.Field == field).Select(f => f.Bytes);

    public static ReadOnlyMemory<byte> Single(ReadOnlyMemory<byte> message, int field) =>
        Repeated(message, field).FirstOrDefault();

    public static string Text(ReadOnlyMemory<byte> message, int field) => Encoding.UTF8.GetString(Single(message, field).Span);

    public static string Hex(ReadOnlyMemory<byte> message, int field) => Convert.ToHexStringLower(Single(message, field).Span);

    /// <summary>KeyValue (key = 1, value = AnyValue with string_value = 1) pairs; non-string values read as "".</summary>
    public static Dictionary<string, string> Attributes(ReadOnlyMemory<byte> message, int field) =>
        Repeated(message, field).ToDictionary(kv => Text(kv, 1), kv => Text(Single(kv, 2), 1));

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
