using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Latchkey.Protocol.Tokens;

/// <summary>
/// Writes a compact JWS (RFC 7515 §7.1) straight into UTF-8 buffers: no claims dictionary, no
/// reflection-based serializer on the hot path, and per token only the signature and the returned string
/// allocated (the JSON buffer and writer are kept per thread, the signing input is rented).
/// </summary>
public static class JwtWriter
{
    [ThreadStatic] private static Scratch? _scratch;

    public static string Write(SigningKey key, string type, Action<Utf8JsonWriter> writeClaims)
    {
        // Taken, not borrowed: a nested Write on this thread (none today) would get its own.
        var scratch = _scratch ?? new Scratch();
        _scratch = null;
        try
        {
            var headerLength = scratch.WriteJson(key, type, writeClaims);
            var json = scratch.Json;
            return Sign(key, json[..headerLength], json[headerLength..]);
        }
        finally
        {
            _scratch = scratch;
        }
    }

    private static string Sign(SigningKey key, ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        var input = ArrayPool<byte>.Shared.Rent(Base64Url.GetEncodedLength(header.Length) + 1 + Base64Url.GetEncodedLength(payload.Length));
        try
        {
            var length = Base64Url.EncodeToUtf8(header, input);
            input[length++] = (byte)'.';
            length += Base64Url.EncodeToUtf8(payload, input.AsSpan(length));
            var signature = key.Sign(input.AsSpan(0, length));
            return string.Create(length + 1 + Base64Url.GetEncodedLength(signature.Length), (input, length, signature), static (chars, s) =>
            {
                Encoding.ASCII.GetChars(s.input.AsSpan(0, s.length), chars);
                chars[s.length] = '.';
                Base64Url.EncodeToChars(s.signature, chars[(s.length + 1)..]);
            });
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private sealed class Scratch
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _writer;

        public Scratch() => _writer = new Utf8JsonWriter(_buffer);

        /// <summary>The header's JSON followed by the payload's.</summary>
        public ReadOnlySpan<byte> Json => _buffer.WrittenSpan;

        /// <summary>Writes both into <see cref="Json"/>; returns where the header ends.</summary>
        public int WriteJson(SigningKey key, string type, Action<Utf8JsonWriter> writeClaims)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            _writer.WriteString("alg", key.Algorithm);
            _writer.WriteString("kid", key.KeyId);
            _writer.WriteString("typ", type);
            _writer.WriteEndObject();
            _writer.Flush();
            var headerLength = _buffer.WrittenCount;
            _writer.Reset(_buffer);
            _writer.WriteStartObject();
            writeClaims(_writer);
            _writer.WriteEndObject();
            _writer.Flush();
            return headerLength;
        }
    }
}
