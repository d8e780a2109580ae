using System.Formats.Cbor;
using System.Text.Json;

namespace DiagBot.Sandbox.Aws.Protocols;

/// <summary>
/// System.Formats.Cbor ships in the ASP.NET Core shared framework, so this stays ASP.NET Core only.
/// Smithy RPC v2 CBOR bodies (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html): a request is read
/// into the same JSON element the JSON protocols give a service, timestamps (tag 1, epoch seconds) becoming numbers as
/// in awsJson; an answer tree (maps, lists, strings, numbers, booleans, DateTimeOffset) is written back as CBOR.
/// </summary>
internal static class CborBody
{
    public static JsonElement ReadAsJson(byte[] body)
    {
        if (body.Length == 0)
        {
            return JsonDocument.Parse("{}").RootElement;
        }

        var reader = new CborReader(body, CborConformanceMode.Lax, allowMultipleRootLevelValues: false);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Copy(reader, writer);
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement;
    }

    public static byte[] Write(object? tree)
    {
        var writer = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false, allowMultipleRootLevelValues: false);
        Write(writer, tree);
        return writer.Encode();
    }

    private static void Copy(CborReader reader, Utf8JsonWriter writer)
    {
        switch (reader.PeekState())
        {
            case CborReaderState.StartMap:
                var pairs = reader.ReadStartMap();
                writer.WriteStartObject();
                for (var i = 0; pairs is null ? reader.PeekState() != CborReaderState.EndMap : i < pairs; i++)
                {
                    writer.WritePropertyName(reader.ReadTextString());
                    Copy(reader, writer);
                }

                reader.ReadEndMap();
                writer.WriteEndObject();
                break;
            case CborReaderState.StartArray:
                var items = reader.ReadStartArray();
                writer.WriteStartArray();
                for (var i = 0; items is null ? reader.PeekState() != CborReaderState.EndArray : i < items; i++)
                {
                    Copy(reader, writer);
                }

                reader.ReadEndArray();
                writer.WriteEndArray();
                break;
            case CborReaderState.Tag:
                // Tag 1 is the only tag Smithy sends (a timestamp); its epoch-seconds number is what awsJson sends too.
                reader.ReadTag();
                Copy(reader, writer);
                break;
            case CborReaderState.TextString:
                writer.WriteStringValue(reader.ReadTextString());
                break;
            case CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger:
                writer.WriteNumberValue(reader.ReadInt64());
                break;
            case CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat:
                writer.WriteNumberValue(reader.ReadDouble());
                break;
            case CborReaderState.Boolean:
                writer.WriteBooleanValue(reader.ReadBoolean());
                break;
            case CborReaderState.Null or CborReaderState.SimpleValue:
                reader.SkipValue();
                writer.WriteNullValue();
                break;
            default:
                throw new AwsException("SerializationException", $"Unexpected CBOR item {reader.PeekState()}.");
        }
    }

    private static void Write(CborWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case string text:
                writer.WriteTextString(text);
                break;
            case bool flag:
                writer.WriteBoolean(flag);
                break;
            case int or long:
                writer.WriteInt64(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteDouble(number);
                break;
            case DateTimeOffset at:
                writer.WriteTag(CborTag.UnixTimeSeconds);
                writer.WriteDouble(at.ToUnixTimeMilliseconds() / 1000d);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartMap(map.Count);
                foreach (var (key, item) in map)
                {
                    writer.WriteTextString(key);
                    Write(writer, item);
                }

                writer.WriteEndMap();
                break;
            case System.Collections.IEnumerable list:
                var items = list.Cast<object?>().ToList();
                writer.WriteStartArray(items.Count);
                items.ForEach(item => Write(writer, item));
                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"No CBOR form for {value.GetType().Name}.");
        }
    }
}
