namespace TuiProf.Tests.Serve;

/// <summary>
/// Protocol Buffers' wire format read field by field, enough to walk OTLP's messages in a test without their
/// generated types (OpenTelemetry.Proto is not packaged): a field's number, and its integer or its bytes.
/// </summary>
public readonly record struct ProtobufField(int Number, ulong Integer, ReadOnlyMemory<byte> Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);

    public static IEnumerable<ProtobufField> Of(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var key = Varint(message.Span, ref at);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    yield return new ProtobufField(number, Varint(message.Span, ref at), default);
                    break;
                case 1:
                    yield return new ProtobufField(number, BitConverter.ToUInt64(message.Span.Slice(at, 8)), message.Slice(at, 8));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(message.Span, ref at);
                    yield return new ProtobufField(number, 0, message.Slice(at, length));
                    at += length;
                    break;
                case 5:
                    yield return new ProtobufField(number, BitConverter.ToUInt32(message.Span.Slice(at, 4)), message.Slice(at, 4));
                    at += 4;
                    break;
                default:
                    throw new FormatException($"wire type {key & 7} at byte {at}");
            }
        }
    }

    /// <summary>The messages at the end of a path of field numbers (each repeated field walked).</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> At(ReadOnlyMemory<byte> message, params int[] path) =>
        path.Aggregate((IEnumerable<ReadOnlyMemory<byte>>)[message],
            (messages, number) => messages.SelectMany(m => Of(m).Where(f => f.Number == number).Select(f => f.Bytes)));

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }
}
